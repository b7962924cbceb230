package cn.cbecpilot.platform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The rules of the code's shape that reviews would otherwise have to catch by eye. */
class ArchitectureTest {

    private static JavaClasses platform;

    @BeforeAll
    static void importClasses() {
        platform = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("cn.cbecpilot.platform");
    }

    @Test
    void complianceRulesAndSharedValuesArePlainJava() {
        noClasses()
                .that()
                .resideInAnyPackage("cn.cbecpilot.platform.compliance..", "cn.cbecpilot.platform.shared..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "reactor..", "io.r2dbc..", "io.netty..")
                .because("the pilot's rules are decided without I/O, so they can be tested as tables")
                .check(platform);
    }

    @Test
    void nothingBlocksOnAReactivePipeline() {
        noClasses()
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "Mono.block* or Flux.block*",
                        call -> (call.getTargetOwner().isEquivalentTo(Mono.class)
                                        || call.getTargetOwner().isEquivalentTo(Flux.class))
                                && call.getName().startsWith("block")))
                .because("a blocked event-loop thread stalls every request it serves")
                .check(platform);
    }

    @Test
    void everyPackageSaysWhatItIsFor() throws IOException {
        for (var root : List.of(Path.of("main/java"), Path.of("../customs-adapter/src/main/java"))) {
            assertThat(root)
                    .as("source root %s (tests run from the src module)", root.toAbsolutePath())
                    .isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                var packagesWithoutInfo = files.filter(f -> f.toString().endsWith(".java"))
                        .map(Path::getParent)
                        .distinct()
                        .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                        .map(root::relativize)
                        .toList();
                assertThat(packagesWithoutInfo)
                        .as("packages without package-info.java")
                        .isEmpty();
            }
        }
    }
}
