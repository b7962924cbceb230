package cn.cbecpilot.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.compliance.RuleCode;
import cn.cbecpilot.platform.trace.TraceCodeProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every rule code the platform can refuse with has its wording in both page languages, so that no page shows a bare
 * code or the API's English sentence: the codes are read from the sources (the first argument of each refusal) and
 * from the rule enums.
 */
class RuleMessagesTest {

    private static final Pattern REFUSAL =
            Pattern.compile("(?:InvalidInput\\.of|FieldProblem|RuleProblem\\.of|problem)\\(\\s*\"([A-Z][A-Z0-9_]+)\"");

    @Test
    void everyRuleCodeOfTheSourcesHasAMessageInChineseAndEnglish() throws IOException {
        Set<String> codes = codesIn(Path.of("main", "java"));
        Arrays.stream(RuleCode.values()).map(Enum::name).forEach(codes::add);
        Arrays.stream(TraceCodeProblem.values()).map(Enum::name).forEach(codes::add);
        assertThat(codes).contains("TRACE_CODE_TAKEN", "DUPLICATE_CODE", "NOT_IN_RECALL", "INVALID_QUANTITY");

        Properties zh = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");
        for (String code : codes) {
            assertThat(zh).as("messages.properties").containsKey("violation." + code);
            assertThat(en).as("messages_en.properties").containsKey("violation." + code);
        }
    }

    @Test
    void theRecallPageWordsEveryRefusalOfOpeningARecall() throws IOException {
        Set<String> codes = codesIn(Path.of("main", "java", "cn", "cbecpilot", "platform", "recall"));
        Properties zh = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");
        for (String code : codes) {
            assertThat(zh).containsKey("violation.recall." + code);
            assertThat(en).containsKey("violation.recall." + code);
        }
    }

    @Test
    void bothLanguagesWordTheSameRules() throws IOException {
        assertThat(violationKeys(bundle("messages_en.properties")))
                .isEqualTo(violationKeys(bundle("messages.properties")));
    }

    @Test
    void aPageShowsTheScannedCodeItsRefusalIsAbout() {
        RuleProblem p = RuleProblem.of(
                new cn.cbecpilot.platform.shared.InvalidInput.FieldProblem("TRACE_CODE_TAKEN", "codes[1]", "x"),
                "pick",
                java.util.List.of("A", "B"));

        assertThat(p.contextKey()).isEqualTo("violation.pick.TRACE_CODE_TAKEN");
        assertThat(p.key()).isEqualTo("violation.TRACE_CODE_TAKEN");
        assertThat(p.params()).containsExactly("B");
    }

    private static Set<String> codesIn(Path root) throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = REFUSAL.matcher(Files.readString(file));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        return codes;
    }

    private static Set<String> violationKeys(Properties bundle) {
        return bundle.stringPropertyNames().stream()
                .filter(k -> k.startsWith("violation."))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RuleMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
