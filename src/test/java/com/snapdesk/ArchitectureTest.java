package com.snapdesk;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.snapdesk.identity.Groups;
import com.snapdesk.notify.CustomerMailer;
import com.snapdesk.notify.MailDeliveryException;
import com.snapdesk.notify.MailKind;
import com.snapdesk.notify.MailView;
import com.snapdesk.notify.RenderedMail;
import com.snapdesk.process.BpmnIds;
import com.snapdesk.process.VariableNames;
import com.snapdesk.sla.SlaDashboard;
import com.snapdesk.sla.SlaProperties;
import com.snapdesk.sla.SlaTracker;
import com.snapdesk.sla.SlaTrends;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole layering in one place, in the manner of buckpal: each feature has a domain (plain Java: entities,
 * ports, use cases) and adapters around it; dependencies point inwards; an adapter never uses another adapter;
 * features meet only through each other's domain. README "Layout" says what lives in each package.
 */
@AnalyzeClasses(packages = "com.snapdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String BASE = "com.snapdesk.";

  /** Adapter packages and what they adapt; anything else under com.snapdesk is a feature's domain. */
  private static final Map<String, String> ADAPTERS = new LinkedHashMap<>();
  static {
    ADAPTERS.put("ticket.persistence", "ticket table (JDBC)");
    ADAPTERS.put("ticket.web.api", "customer REST API");
    ADAPTERS.put("ticket.web.portal", "customer portal");
    ADAPTERS.put("recovery.local", "embedded backend");
    ADAPTERS.put("recovery.aws", "AWS backend");
    ADAPTERS.put("sla.engine", "engine queries for open work");
    ADAPTERS.put("sla.persistence", "SLA event log (JDBC)");
    ADAPTERS.put("sla.web", "SLA dashboard API");
    ADAPTERS.put("sla.metrics", "Micrometer gauges");
    ADAPTERS.put("process", "the BPMN engine driving the use cases");
    ADAPTERS.put("identity", "Camunda identity: groups, rights, filters, support staff");
    ADAPTERS.put("security", "access rules of the app's own endpoints");
    ADAPTERS.put("demo", "demo inventory, users and tickets");
    ADAPTERS.put("cluster", "what nodes on one database agree on (start-up lock)");
    ADAPTERS.put("drill.persistence", "restore drill table (JDBC)");
    ADAPTERS.put("drill.web", "restore drill API for managers");
    ADAPTERS.put("drill.metrics", "restore drill timers and counters");
    ADAPTERS.put("drill.schedule", "the drill schedule on Spring's scheduler");
    ADAPTERS.put("estimate.persistence", "retrieval history from tickets and drills (JDBC)");
  }

  /** Constants others may name: the model's ids and variables, the group ids. Vocabulary, not behaviour. */
  private static final DescribedPredicate<JavaClass> SHARED_VOCABULARY =
      belongToAnyOf(BpmnIds.class, VariableNames.class, Groups.class);

  private static String[] adapterPackages() {
    return ADAPTERS.keySet().stream().map(p -> BASE + p + "..").toArray(String[]::new);
  }

  @ArchTest
  static final ArchRule dependenciesPointInwards = layeredArchitecture().consideringOnlyDependenciesInLayers()
      .layer("Adapters").definedBy(adapterPackages())
      .layer("Ticket jobs").definedBy(BASE + "ticket.intake..", BASE + "ticket.review..", BASE + "ticket.delivery..",
          BASE + "ticket.customer..")
      .layer("Domain").definedBy(BASE + "ticket", BASE + "recovery", BASE + "recovery.inventory", BASE + "sla",
          BASE + "notify", BASE + "project", BASE + "shared", BASE + "drill")
      .whereLayer("Adapters").mayNotBeAccessedByAnyLayer()
      .whereLayer("Ticket jobs").mayOnlyBeAccessedByLayers("Adapters")
      .whereLayer("Domain").mayOnlyBeAccessedByLayers("Adapters", "Ticket jobs")
      .because("ports point inwards: adapters depend on the domain, never the reverse");

  @ArchTest
  static final ArchRule noAdapterUsesAnotherAdapter = slices().assignedFrom(new SliceAssignment() {
        @Override public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
          String pkg = javaClass.getPackageName();
          return ADAPTERS.keySet().stream()
              .filter(a -> pkg.equals(BASE + a) || pkg.startsWith(BASE + a + "."))
              .findFirst().map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
        }
        @Override public String getDescription() {
          return "adapters " + ADAPTERS.keySet();
        }
      })
      .should().notDependOnEachOther()
      .ignoreDependency(alwaysTrue(), SHARED_VOCABULARY)
      .because("an adapter that needs another's internals means the seam is wrong; share through a port");

  @ArchTest
  static final ArchRule ticketJobsAreSeparateRooms = slices().matching(BASE + "ticket.(*)..")
      .should().notDependOnEachOther()
      .ignoreDependency(resideInAnyPackage(BASE + "ticket.web.."), alwaysTrue())
      .because("intake, review, delivery and the customer's actions share only the ticket domain");

  @ArchTest
  static final ArchRule featuresAreFreeOfCycles = slices().matching(BASE + "(*)..")
      .should().beFreeOfCycles()
      .ignoreDependency(alwaysTrue(), SHARED_VOCABULARY)
      .because("features build on each other in one direction: project, recovery, sla, notify, ticket, process");

  @ArchTest
  static final ArchRule projectsKnowNothingElse = classes().that().resideInAPackage(BASE + "project..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", BASE + "project..")
      .because("projects, environments and plans are the vocabulary every feature shares");

  @ArchTest
  static final ArchRule recoveryKnowsNothingOfTickets = noClasses().that().resideInAPackage(BASE + "recovery..")
      .should().dependOnClassesThat().resideInAnyPackage(BASE + "ticket..", BASE + "process..", BASE + "sla..",
          BASE + "notify..", BASE + "identity..", BASE + "demo..")
      .because("recovery points are a lower layer than the ticket workflow");

  @ArchTest
  static final ArchRule slaKnowsNothingOfTickets = noClasses().that().resideInAPackage(BASE + "sla..")
      .should().dependOnClassesThat().resideInAnyPackage(BASE + "ticket..", BASE + "recovery..", BASE + "notify..")
      .because("SLA clocks count time for ticket ids; ticket statuses come through the TicketStatusLookup port");

  @ArchTest
  static final ArchRule notifyKnowsNothingOfTickets = noClasses().that().resideInAPackage(BASE + "notify..")
      .should().dependOnClassesThat().resideInAnyPackage(BASE + "ticket..", BASE + "recovery..", BASE + "sla..",
          BASE + "process..")
      .because("mails are rendered from a MailView the ticket use cases fill in");

  @ArchTest
  static final ArchRule theMailPortIsPlainJava = classes()
      .that().belongToAnyOf(CustomerMailer.class, MailKind.class, MailView.class, RenderedMail.class,
          MailDeliveryException.class)
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", BASE + "notify")
      .because("use cases send mail through the port without knowing how it travels");

  @ArchTest
  static final ArchRule theSlaClockComputationIsPlainJava = noClasses().that().resideInAPackage(BASE + "sla")
      .and().doNotBelongToAnyOf(SlaProperties.class, SlaTracker.class, SlaDashboard.class, SlaTrends.class)
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "org.hibernate..")
      .because("only the configuration record and the service beans are Spring's");

  @ArchTest
  static final ArchRule camundaTypesOnlyInEngineAdapters = noClasses()
      .that().resideOutsideOfPackages(BASE + "process..", BASE + "identity..", BASE + "security..", BASE + "demo..",
          BASE + "sla.engine..")
      .and().doNotHaveFullyQualifiedName(SnapdeskApplication.class.getName())
      .should().dependOnClassesThat().resideInAnyPackage("org.camunda..")
      .because("a later move to Operaton must stay a contained change");

  @ArchTest
  static final ArchRule awsSdkOnlyInAwsAdapter = noClasses()
      .that().resideOutsideOfPackage(BASE + "recovery.aws..")
      .should().dependOnClassesThat().resideInAnyPackage("software.amazon..")
      .because("the AWS SDK is an adapter detail of the recovery catalog and retrieval ports");

  @ArchTest
  static final ArchRule mailLibrariesOnlyInNotify = noClasses()
      .that().resideOutsideOfPackage(BASE + "notify..")
      .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.springframework.mail..",
          "org.thymeleaf..")
      .because("sending mail is the notify adapters' business");

  @ArchTest
  static final ArchRule sqlOnlyInPersistenceAdapters = noClasses()
      .that().resideOutsideOfPackages(BASE + "ticket.persistence..", BASE + "sla.persistence..", BASE + "notify..",
          BASE + "cluster..", BASE + "retention.persistence..", BASE + "security.persistence..",
          BASE + "drill.persistence..", BASE + "estimate.persistence..", BASE + "process.persistence..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
      .because("tables are adapter details behind the repository and event log ports (notify keeps its sent-mail"
          + " log next to the transport; security.persistence holds the rate limits' attempt log;"
          + " process.persistence the index, due dates and restart release the job executor needs on Camunda's"
          + " tables)");
}
