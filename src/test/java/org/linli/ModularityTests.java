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
  void writesTheModuleDocumentation() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
