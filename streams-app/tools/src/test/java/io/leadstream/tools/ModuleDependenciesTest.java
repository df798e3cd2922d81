package io.leadstream.tools;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The modules' dependency rules (docs/architecture.md), checked on the compiled classes of every
 * module: this module's test class path holds them all. Dependencies point one way: tools ->
 * pipeline -> models/serving -> schemas, and tools -> models/training -> models/serving.
 */
class ModuleDependenciesTest {

  private static final String SCHEMAS = "io.leadstream.schema..";
  private static final String[] SERVING = {
    "io.leadstream.models",
    "io.leadstream.models.inference..",
    "io.leadstream.models.bundle..",
    "io.leadstream.models.scoring..",
    "io.leadstream.models.mapping..",
    "io.leadstream.models.evaluation.."
  };
  private static final String TRAINING = "io.leadstream.models.training..";
  private static final String PIPELINE = "io.leadstream.app..";
  private static final String TOOLS = "io.leadstream.tools..";

  /** What only training and the tools may use: plots, CSV files, benchmarks, the broker. */
  private static final String[] TOOLING_LIBRARIES = {
    "org.jfree..",
    "org.apache.commons.csv..",
    "org.openjdk.jmh..",
    "kafka..",
    "scala..",
    "org.apache.kafka.server..",
    "org.apache.kafka.raft..",
    "org.apache.kafka.metadata..",
    "org.apache.kafka.storage..",
    "org.apache.kafka.coordinator.."
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.leadstream");
  }

  @Test
  void schemasDependOnNoOtherModule() {
    check(
        noClasses()
            .that()
            .resideInAPackage(SCHEMAS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(concat(SERVING, TRAINING, PIPELINE, TOOLS)));
  }

  @Test
  void servingKnowsNothingOfTrainingThePipelineOrTheTools() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage(SERVING)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(TRAINING, PIPELINE, TOOLS));
  }

  @Test
  void trainingKnowsNothingOfThePipelineOrTheTools() {
    check(
        noClasses()
            .that()
            .resideInAPackage(TRAINING)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(PIPELINE, TOOLS));
  }

  @Test
  void thePipelineKnowsNothingOfTrainingOrTheTools() {
    check(
        noClasses()
            .that()
            .resideInAPackage(PIPELINE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(TRAINING, TOOLS));
  }

  @Test
  void whatProductionRunsUsesNoToolingLibrary() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage(concat(SERVING, PIPELINE, SCHEMAS))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(TOOLING_LIBRARIES));
  }

  @Test
  void packagesHaveNoCycles() {
    check(slices().matching("io.leadstream.(**)").should().beFreeOfCycles());
  }

  private static void check(ArchRule rule) {
    rule.check(classes);
  }

  private static String[] concat(Object... parts) {
    return Arrays.stream(parts)
        .flatMap(p -> p instanceof String[] a ? Arrays.stream(a) : Stream.of((String) p))
        .toArray(String[]::new);
  }
}
