package cn.cbecpilot.platform.exportreturn.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class DomainIsPlainJavaTest {

    @Test
    void exportReturnRulesAndStatesDependOnNoFrameworkOrIo() {
        noClasses()
                .that()
                .resideInAPackage("cn.cbecpilot.platform.exportreturn.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "reactor..", "io.r2dbc..", "io.netty..", "java.sql..")
                .because("the export-return rules are decided without I/O, so they can be tested as tables")
                .check(new ClassFileImporter()
                        .withImportOption(location -> !location.contains("/test-classes/"))
                        .importPackages("cn.cbecpilot.platform.exportreturn.domain"));
    }
}
