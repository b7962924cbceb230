package cn.cbecpilot.ceb.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cbecpilot.ceb.xml.CebXmlException.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeXmlTest {

    @TempDir
    Path dir;

    @Test
    void refusesAnExternalEntityWithoutReadingTheFile() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<CEB622Message xmlns=\"http://www.chinaport.gov.cn/ceb\">&x;</CEB622Message>";

        assertRefused(xml, Kind.FORBIDDEN_CONSTRUCT);
    }

    @Test
    void refusesBillionLaughs() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"");
            xml.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        xml.append("]><lolz>&lol9;</lolz>");

        assertRefused(xml.toString(), Kind.FORBIDDEN_CONSTRUCT);
    }

    @Test
    void refusesAParameterEntityPointingOutside() {
        assertRefused(
                "<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %p;]><r/>",
                Kind.FORBIDDEN_CONSTRUCT);
    }

    @Test
    void refusesElementsNestedDeeperThanTheLimit() {
        String xml = "<a>".repeat(XmlLimits.DEFAULT.maxDepth() + 1) + "</a>".repeat(XmlLimits.DEFAULT.maxDepth() + 1);

        assertRefused(xml, Kind.TOO_DEEP);
    }

    @Test
    void acceptsNestingUpToTheLimit() {
        int depth = XmlLimits.DEFAULT.maxDepth();
        byte[] xml = ("<a>".repeat(depth) + "</a>".repeat(depth)).getBytes(StandardCharsets.UTF_8);

        assertThat(SafeXml.parse(xml, XmlLimits.DEFAULT).getDocumentElement().getLocalName())
                .isEqualTo("a");
    }

    @Test
    void refusesADocumentLargerThanTheLimitBeforeParsingIt() {
        XmlLimits limits = new XmlLimits(64 * 1024, 32);
        byte[] huge = ("<r>" + "x".repeat(64 * 1024) + "</r>").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SafeXml.parse(huge, limits))
                .isInstanceOfSatisfying(
                        CebXmlException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE));
    }

    @Test
    void refusesMalformedAndEmptyInput() {
        assertRefused("<CEB622Message><unclosed></CEB622Message>", Kind.MALFORMED);
        assertRefused("", Kind.MALFORMED);
        assertRefused("not xml at all", Kind.MALFORMED);
    }

    private static void assertRefused(String xml, Kind kind) {
        assertThatThrownBy(() -> SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8), XmlLimits.DEFAULT))
                .isInstanceOfSatisfying(
                        CebXmlException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .message()
                .doesNotContain("TOP-SECRET");
    }
}
