package dev.jobs.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The allowed directions between the local runtime's packages, as each package-info.java states
 * them and docs/architecture.md lists them, checked on the main classes.
 */
@AnalyzeClasses(packages = "dev.jobs.local", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String LOCAL = "dev.jobs.local";
  private static final String[] SERVICES = {
    LOCAL + ".apigateway..",
    LOCAL + ".sts..",
    LOCAL + ".cloudformation..",
    LOCAL + ".events..",
    LOCAL + ".cloudwatchlogs..",
    LOCAL + ".lambda.."
  };

  @ArchTest
  static final ArchRule packagesHaveNoCycle =
      slices().matching(LOCAL + ".(*)..").namingSlices("$1").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule thePublishedFaceStandsOnTop =
      noClasses()
          .that()
          .resideOutsideOfPackage(LOCAL)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(LOCAL);

  @ArchTest
  static final ArchRule theRuntimeKnowsNothingOfTheCli =
      noClasses().should().dependOnClassesThat().resideInAPackage("dev.jobs.cli..");

  @ArchTest
  static final ArchRule protocolsAndServerNeverNameAService =
      noClasses()
          .that()
          .resideInAnyPackage(LOCAL + ".protocol..", LOCAL + ".server..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(SERVICES);

  @ArchTest
  static final ArchRule theServerKnowsNoProtocol =
      noClasses()
          .that()
          .resideInAPackage(LOCAL + ".server..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(LOCAL + ".protocol..");

  @ArchTest
  static final ArchRule lambdaKnowsNothingOfHttp =
      noClasses()
          .that()
          .resideInAPackage(LOCAL + ".lambda..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(LOCAL + ".server..", LOCAL + ".protocol..", LOCAL + ".auth..");

  @ArchTest
  static final ArchRule storeStackAndLogStandAlone =
      noClasses()
          .that()
          .resideInAnyPackage(LOCAL + ".store..", LOCAL + ".stack..", LOCAL + ".log..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              LOCAL,
              LOCAL + ".apigateway..",
              LOCAL + ".sts..",
              LOCAL + ".cloudformation..",
              LOCAL + ".events..",
              LOCAL + ".cloudwatchlogs..",
              LOCAL + ".lambda..",
              LOCAL + ".protocol..",
              LOCAL + ".server..",
              LOCAL + ".auth..");
}
