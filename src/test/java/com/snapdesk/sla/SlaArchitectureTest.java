package com.snapdesk.sla;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class SlaArchitectureTest {

  private final JavaClasses sla = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("com.snapdesk.sla");

  @Test
  void slaKnowsNothingOfTheEngine() {
    noClasses().that().resideOutsideOfPackage("com.snapdesk.sla.engine..")
        .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.operaton..")
        .because("SLA clocks are domain logic; process listeners call SlaTracker, and the dashboard reads the"
            + " engine only through its OpenWork port, implemented in sla.engine")
        .check(sla);
  }

  @Test
  void theDomainDoesNotDependOnTheJdbcAdapter() {
    noClasses().that().resideInAPackage("com.snapdesk.sla")
        .should().dependOnClassesThat().resideInAnyPackage("com.snapdesk.sla.persistence..",
            "org.springframework.jdbc..", "java.sql..")
        .because("the event log is a port; JdbcSlaEventLog is one adapter of it")
        .check(sla);
  }

  @Test
  void theClockComputationIsPlainJava() {
    noClasses().that().resideInAPackage("com.snapdesk.sla")
        .and().doNotBelongToAnyOf(SlaProperties.class, SlaTracker.class, SlaDashboard.class)
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "org.hibernate..")
        .because("only the configuration record and the service beans are Spring's")
        .check(sla);
  }
}
