package org.linli.system.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page: what is running here and where its parts are. */
@Controller
class LandingController {

  private final ProcessEngine engine;
  private final DataSource dataSource;
  private final ObjectProvider<BuildProperties> build;

  LandingController(ProcessEngine engine, DataSource dataSource, ObjectProvider<BuildProperties> build) {
    this.engine = engine;
    this.dataSource = dataSource;
    this.build = build;
  }

  @GetMapping("/")
  String index(Model model) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      model.addAttribute("database", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
    }
    model.addAttribute("engineName", engine.getName());
    model.addAttribute("engineVersion", ProcessEngine.class.getPackage().getImplementationVersion());
    model.addAttribute("processDefinitions",
        engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list());
    BuildProperties props = build.getIfAvailable();
    model.addAttribute("version", props == null ? "dev" : props.getVersion());
    model.addAttribute("engines", ProcessEngines.getProcessEngines().size());
    return "index";
  }
}
