package org.linli;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Feature packages talk through their root packages only, and without cycles. */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(LinliApplication.class);

  @Test
  void featurePackagesKeepTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void writesTheModuleDocumentation() throws Exception {
    Documenter documenter = new Documenter(MODULES);
    documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    java.nio.file.Path diagram = java.nio.file.Path.of("target", "spring-modulith-docs", "components.puml");
    org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.readString(diagram))
        .contains("\"Casefile\"", "\"Request\"", "\"Organization\"", "Rel(LinliApplication.LinliApplication.Request, LinliApplication.LinliApplication.Casefile");
  }
}
