package dev.jobs.cli;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The allowed directions between the CLI's packages (docs/architecture.md draws them; each
 * package-info.java says what its package may import), checked on the main classes.
 */
@AnalyzeClasses(packages = "dev.jobs.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String CLI = "dev.jobs.cli";

  @ArchTest
  static final ArchRule packagesHaveNoCycle =
      slices().matching(CLI + ".(*)..").namingSlices("$1").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule commandsNeverImportEachOther =
      slices()
          .matching(CLI + ".command.(*)..")
          .namingSlices("command.$1")
          .should()
          .notDependOnEachOther();

  @ArchTest
  static final ArchRule onlyTheEntryPointAndTheBuildsGeneratorsReachTheRootCommand =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(CLI + ".app.Jobs")
          .and()
          .doNotHaveFullyQualifiedName(CLI + ".app.CompletionFiles")
          .and()
          .doNotHaveFullyQualifiedName(CLI + ".app.CliReference")
          .and()
          .doNotHaveFullyQualifiedName(CLI + ".app.QuickAnswers")
          .and()
          .doNotHaveFullyQualifiedName(CLI + ".app.CommandModel")
          .and()
          .haveNameNotMatching(".*\\.app\\.CommandModel\\$.*")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName(CLI + ".app.CommandModel");

  @ArchTest
  static final ArchRule nothingImportsTheProgramButItsStartupTraining =
      importedOnlyBy(CLI + ".app..", CLI + ".startup..");

  @ArchTest
  static final ArchRule onlyTheProgramImportsCommands =
      importedOnlyBy(CLI + ".command..", CLI + ".app..");

  @ArchTest
  static final ArchRule coreImportsNothingOfTheCli =
      noClasses()
          .that()
          .resideInAPackage(CLI + ".core..")
          .should()
          .dependOnClassesThat(
              resideInAPackage(CLI + "..").and(describe("outside core", c -> !inCore(c))));

  @ArchTest
  static final ArchRule theRootPackageHoldsNothing =
      noClasses().should().resideInAPackage(CLI).allowEmptyShould(true);

  @ArchTest
  static final ArchRule onlySessionBuildsSdkClients =
      noClasses()
          .that()
          .resideOutsideOfPackage(CLI + ".session..")
          .should()
          .callMethodWhere(buildsAClient());

  @ArchTest
  static final ArchRule onlySessionMakesTheApiClient =
      noClasses()
          .that()
          .resideOutsideOfPackages(CLI + ".session..", CLI + ".api..")
          .should()
          .callConstructorWhere(
              describe(
                  "a constructor of JobsClient",
                  call -> call.getTargetOwner().getName().equals(CLI + ".api.JobsClient")));

  /**
   * No class outside {@code packages} and {@code importer} depends on a class in {@code packages}.
   */
  private static ArchRule importedOnlyBy(String packages, String importer) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(packages, importer)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(packages);
  }

  private static boolean inCore(com.tngtech.archunit.core.domain.JavaClass type) {
    return type.getPackageName().startsWith(CLI + ".core");
  }

  /**
   * A call of {@code builder()} or {@code create()} on an AWS SDK service client ({@code
   * StsClient.builder()}) or an SDK HTTP client ({@code ApacheHttpClient.builder()}, {@code
   * UrlConnectionHttpClient.create()}): how a client comes to be.
   */
  private static DescribedPredicate<JavaCall<?>> buildsAClient() {
    return describe(
        "builder() or create() of an AWS SDK client or SDK HTTP client",
        call ->
            Set.of("builder", "create").contains(call.getName())
                && (call.getTargetOwner().isAssignableTo(SdkClient.class)
                    || call.getTargetOwner().isAssignableTo(SdkHttpClient.class)));
  }
}
