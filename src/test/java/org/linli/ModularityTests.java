package org.linli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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

  /** Alerts and the hazard watch are modules of their own, built on emergency's root and not the other way round. */
  @Test
  void emergencyFeaturesAreModulesOfTheirOwn() {
    for (String name : java.util.List.of("alert", "hazard")) {
      var module = MODULES.getModuleByName(name).orElseThrow(() -> new AssertionError("no module " + name));
      org.assertj.core.api.Assertions.assertThat(module.getBasePackage().getName()).isEqualTo("org.linli." + name);
      org.assertj.core.api.Assertions.assertThat(module.getDirectDependencies(MODULES).containsModuleNamed("emergency"))
          .as(name + " uses emergency").isTrue();
    }
    var emergency = MODULES.getModuleByName("emergency").orElseThrow();
    org.assertj.core.api.Assertions.assertThat(emergency.getDependencies(MODULES).containsModuleNamed("alert")).isFalse();
    org.assertj.core.api.Assertions.assertThat(emergency.getDependencies(MODULES).containsModuleNamed("hazard")).isFalse();
  }

  /**
   * Payments live inside the assistance module, so Modulith does not check their border: payment
   * reads applications through assistance's root, and assistance knows payment only through
   * {@code EntitlementSink}.
   */
  @Test
  void assistancePaymentUsesOnlyTheAssistanceRoot() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.linli.assistance");
    noClasses().that().resideInAPackage("org.linli.assistance.payment..")
        .should().dependOnClassesThat().resideInAPackage("org.linli.assistance.internal..")
        .check(classes);
    noClasses().that().resideInAPackage("org.linli.assistance..").and().resideOutsideOfPackage("org.linli.assistance.payment..")
        .should().dependOnClassesThat().resideInAPackage("org.linli.assistance.payment..")
        .check(classes);
  }

  @Test
  void writesTheModuleDocumentation() throws Exception {
    Documenter documenter = new Documenter(MODULES);
    documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    java.nio.file.Path diagram = java.nio.file.Path.of("target", "spring-modulith-docs", "components.puml");
    org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.readString(diagram))
        .contains("\"Casefile\"", "\"Request\"", "\"Organization\"", "\"Alert\"", "\"Hazard\"", "Rel(LinliApplication.LinliApplication.Request, LinliApplication.LinliApplication.Casefile");
  }
}
