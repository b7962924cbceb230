package cn.cbecpilot.platform.trace;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The traceability and recall domain (codes, parsing, checks, issuing, progress, notice texts) is plain Java. */
class TraceDomainArchitectureTest {

    private static final String DOMAIN =
            "cn\\.cbecpilot\\.platform\\.(trace\\.(TraceCode|TraceCodeParser|TraceCodeProblem"
                    + "|TraceScheme|TraceStatus|TraceEventType|Gs1ElementString|Gtin|LotCodes|LotLabels|CodeIssuer|RegisteredCode"
                    + "|MalformedTraceCode)|recall\\.(AffectedOrder|RecallProgress|RecallNoticeText|ScannedCodes))(\\$.*)?";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("cn.cbecpilot.platform.trace", "cn.cbecpilot.platform.recall");

    @Test
    void codesTheirParsingAndRecallRulesNeedNoSpringNorReactor() {
        noClasses()
                .that()
                .haveNameMatching(DOMAIN)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "reactor..", "io.r2dbc..", "io.netty..")
                .because("codes are read and checked without I/O, so they can be tested as tables")
                .check(classes);
    }
}
