package com.snapdesk.notify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class NotifyArchitectureTest {

  private final com.tngtech.archunit.core.domain.JavaClasses snapdesk = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("com.snapdesk");

  @Test
  void theMailPortIsPlainJava() {
    classes().that().belongToAnyOf(CustomerMailer.class, MailKind.class, MailView.class, RenderedMail.class,
            MailDeliveryException.class)
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.snapdesk.notify")
        .check(snapdesk);
  }

  @Test
  void mailLibrariesStayInsideNotify() {
    noClasses().that().resideOutsideOfPackage("com.snapdesk.notify..")
        .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.springframework.mail..",
            "org.thymeleaf..")
        .check(snapdesk);
  }
}
