package cn.cbecpilot.platform.trace;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The code parser over generated labels: every form of one label means one unit, and no input makes it throw. */
class TraceCodePropertiesTest {

    @Property(tries = 400)
    void theParenthesisedAndTheFnc1FormsOfOneLabelHaveOneKey(@ForAll("labels") Label label) {
        var parenthesised = TraceCodeParser.parse(label.parenthesised());
        var separated = TraceCodeParser.parse(label.separated());
        var scanned = TraceCodeParser.parse("]d2" + label.separated());

        assertThat(parenthesised).isInstanceOf(TraceCodeParser.Accepted.class);
        String key = parenthesised.orElseThrow().key();
        assertThat(separated.orElseThrow().key()).isEqualTo(key);
        assertThat(scanned.orElseThrow().key()).isEqualTo(key);
        assertThat(parenthesised.orElseThrow().serial()).isEqualTo(label.serial());
    }

    @Property(tries = 300)
    void aWrongCheckDigitIsRefused(@ForAll("labels") Label label, @ForAll @IntRange(min = 1, max = 9) int shift) {
        char check = label.gtin().charAt(13);
        String wrong = label.gtin().substring(0, 13) + (char) ('0' + (check - '0' + shift) % 10);

        var result = TraceCodeParser.parse("(01)" + wrong + "(21)" + label.serial());

        assertThat(result).isInstanceOf(TraceCodeParser.Refused.class);
    }

    @Property(tries = 500)
    void anyTextIsAcceptedOrRefusedWithAReasonButNeverThrows(@ForAll @StringLength(max = 80) String text) {
        var result = TraceCodeParser.parse(text);

        if (result instanceof TraceCodeParser.Refused refused) {
            assertThat(refused.reason()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void mangledLabelsNeverThrow(@ForAll("labels") Label label, @ForAll @IntRange(max = 40) int cut) {
        String form = label.parenthesised();
        TraceCodeParser.parse(form.substring(0, Math.min(cut, form.length())));
        TraceCodeParser.parse(form.replace("(", ""));
        TraceCodeParser.parse(form + form);
    }

    record Label(String gtin, String serial, String expiry, String batch) {
        String parenthesised() {
            return "(01)" + gtin + "(17)" + expiry + "(10)" + batch + "(21)" + serial;
        }

        String separated() {
            return "01" + gtin + "17" + expiry + "10" + batch + "\u001d21" + serial;
        }
    }

    @Provide
    Arbitrary<Label> labels() {
        Arbitrary<String> gtins = Arbitraries.strings().numeric().ofLength(13).map(first13 -> {
            String padded = first13 + "0";
            return first13 + Gtin.checkDigit(padded);
        });
        Arbitrary<String> serials =
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> expiries = Combinators.combine(
                        Arbitraries.integers().between(25, 40),
                        Arbitraries.integers().between(1, 12),
                        Arbitraries.integers().between(1, 28))
                .as((y, m, d) -> String.format("%02d%02d%02d", y, m, d));
        Arbitrary<String> batches =
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20);
        return Combinators.combine(gtins, serials, expiries, batches).as(Label::new);
    }
}
