package cn.cbecpilot.ceb.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class SchemaSetTest {

    @TempDir
    Path dir;

    private SchemaSet schema;

    @BeforeEach
    void compile() throws Exception {
        Path xsd = Files.writeString(
                dir.resolve("amount.xsd"),
                """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified"
                           targetNamespace="urn:t" xmlns="urn:t">
                  <xs:element name="amount">
                    <xs:simpleType>
                      <xs:restriction base="xs:decimal"><xs:fractionDigits value="2"/></xs:restriction>
                    </xs:simpleType>
                  </xs:element>
                </xs:schema>""");
        schema = SchemaSet.compile("amount", xsd.toUri().toURL());
    }

    @Test
    void aThreadValidatesAgainAfterAViolation() {
        schema.validate(amount("10.50"));

        assertThatThrownBy(() -> schema.validate(amount("10.505")))
                .isInstanceOf(CebXmlException.class)
                .hasMessageContaining("amount schema");
        assertThatThrownBy(() -> schema.validate(amount("ten")))
                .isInstanceOf(CebXmlException.class)
                .hasMessageContaining("ten");
        schema.validate(amount("0.01"));
    }

    @Test
    void validatesOnManyThreadsAtOnceEachDocumentOnItsOwnMerits() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                work.add(threads.submit(() -> {
                    int refused = 0;
                    for (int i = 0; i < 500; i++) {
                        try {
                            schema.validate(amount(i % 2 == 0 ? i + ".25" : i + ".255"));
                        } catch (CebXmlException e) {
                            refused++;
                        }
                    }
                    return refused;
                }));
            }
            for (Future<Integer> done : work) {
                assertThat(done.get()).isEqualTo(250);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static Document amount(String value) {
        return SafeXml.parse(
                ("<amount xmlns=\"urn:t\">" + value + "</amount>").getBytes(StandardCharsets.UTF_8), XmlLimits.DEFAULT);
    }
}
