package com.snapdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the domain plain Java: engine, mail and cloud SDK types stay in their adapters. */
@AnalyzeClasses(packages = "com.snapdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule camundaTypesOnlyInProcessAndConfig = noClasses()
      .that().resideOutsideOfPackages("com.snapdesk.process..", "com.snapdesk.identity..", "com.snapdesk.security..",
          "com.snapdesk.demo..", "com.snapdesk.sla.engine..")
      .and().doNotHaveFullyQualifiedName("com.snapdesk.SnapdeskApplication")
      .should().dependOnClassesThat().resideInAnyPackage("org.camunda..")
      .because("a later move to Operaton must stay a contained change");

  @ArchTest
  static final ArchRule awsSdkOnlyInAwsAdapter = noClasses()
      .that().resideOutsideOfPackage("com.snapdesk.recovery.aws..")
      .should().dependOnClassesThat().resideInAnyPackage("software.amazon..")
      .because("the AWS SDK is an adapter detail of the recovery catalog and retrieval ports");

  @ArchTest
  static final ArchRule mailTypesOnlyInNotifyAdapters = noClasses()
      .that().resideOutsideOfPackage("com.snapdesk.notify..")
      .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.springframework.mail..")
      .because("sending mail is the notify adapters' business");

  @ArchTest
  static final ArchRule domainDoesNotDependOnAdapters = noClasses()
      .that().resideInAnyPackage("com.snapdesk.ticket", "com.snapdesk.recovery", "com.snapdesk.notify",
          "com.snapdesk.shared")
      .should().dependOnClassesThat().resideInAnyPackage("com.snapdesk.process..", "com.snapdesk.ticket.web..",
          "com.snapdesk.ticket.persistence..", "com.snapdesk.recovery.local..", "com.snapdesk.recovery.aws..")
      .because("ports point inwards: adapters depend on the domain, never the reverse");

  @ArchTest
  static final ArchRule recoveryKnowsNothingOfTickets = noClasses()
      .that().resideInAPackage("com.snapdesk.recovery..")
      .should().dependOnClassesThat().resideInAnyPackage("com.snapdesk.ticket..", "com.snapdesk.process..")
      .because("recovery points are a lower layer than the ticket workflow");
}
