package org.linli.system.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing page: where the parts of Linli are. What is running (versions, database, deployed
 * processes) only with {@code linli.public-details=true} (the demo), since an anonymous visitor
 * should not learn what to attack; the API description likewise only with {@code springdoc.api-docs.enabled}.
 */
@Controller
class LandingController {

  private final ProcessEngine engine;
  private final DataSource dataSource;
  private final ObjectProvider<BuildProperties> build;
  private final boolean publicDetails;
  private final boolean apiDocs;

  LandingController(ProcessEngine engine, DataSource dataSource, ObjectProvider<BuildProperties> build,
      @Value("${linli.public-details:false}") boolean publicDetails, @Value("${springdoc.api-docs.enabled:true}") boolean apiDocs) {
    this.engine = engine;
    this.dataSource = dataSource;
    this.build = build;
    this.publicDetails = publicDetails;
    this.apiDocs = apiDocs;
  }

  @GetMapping("/")
  String index(Model model) throws SQLException {
    model.addAttribute("details", publicDetails);
    model.addAttribute("apiDocs", apiDocs);
    if (!publicDetails) {
      return "index";
    }
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
    return "index";
  }
}
