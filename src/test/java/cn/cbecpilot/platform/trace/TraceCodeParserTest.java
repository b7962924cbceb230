package cn.cbecpilot.platform.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Both schemes in every accepted form, and every kind of malformed code refused with its reason. */
class TraceCodeParserTest {

    private static final String GS = "\u001d";

    private static TraceCode accepted(String input) {
        TraceCodeParser.Result result = TraceCodeParser.parse(input);
        assertThat(result).as(input).isInstanceOf(TraceCodeParser.Accepted.class);
        return result.orElseThrow();
    }

    @Test
    void readsAnNmpaCodeIntoDrugIdentificationCodeAndSerial() {
        TraceCode code = accepted("86012340000001231234");

        assertThat(code.scheme()).isEqualTo(TraceScheme.NMPA20);
        assertThat(code.productKey()).isEqualTo("8601234");
        assertThat(code.serial()).isEqualTo("000000123");
        assertThat(code.batch()).isNull();
        assertThat(code.expiry()).isNull();
        assertThat(code.raw()).isEqualTo("86012340000001231234");
        assertThat(code.canonical()).isEqualTo("86012340000001231234");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "86012340000001231234",
                " 86012340000001231234\r\n",
                "]C086012340000001231234",
                "86012 34000 00012 31234"
            })
    void readsTheNmpaCodeAsScannedTypedOrBehindACode128Identifier(String input) {
        TraceCode code = accepted(input);

        assertThat(code.key()).isEqualTo("NMPA20:8601234:000000123");
        assertThat(code.canonical()).isEqualTo("86012340000001231234");
    }

    @Test
    void readsTheParenthesisedGs1Form() {
        TraceCode code = accepted("(01)04987654321001(17)280131(10)B2026A(21)SN000123");

        assertThat(code.scheme()).isEqualTo(TraceScheme.GS1);
        assertThat(code.productKey()).isEqualTo("04987654321001");
        assertThat(code.serial()).isEqualTo("SN000123");
        assertThat(code.batch()).isEqualTo("B2026A");
        assertThat(code.expiry()).isEqualTo(LocalDate.of(2028, 1, 31));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "(01)04987654321001(17)280131(10)B2026A(21)SN000123",
                "(01) 04987654321001 (17) 280131 (10) B2026A (21) SN000123",
                "(21)SN000123(10)B2026A(01)04987654321001(17)280131",
                "010498765432100117280131" + "10B2026A" + GS + "21SN000123",
                GS + "010498765432100117280131" + "21SN000123" + GS + "10B2026A",
                "]d2010498765432100117280131" + "10B2026A" + GS + "21SN000123",
                "]C1010498765432100117280131" + "10B2026A" + GS + "21SN000123",
                "]Q30104987654321001" + GS + "17280131" + GS + "10B2026A" + GS + "21SN000123"
            })
    void readsEveryGs1FormToTheSameCode(String input) {
        TraceCode code = accepted(input);

        assertThat(code.key()).isEqualTo("GS1:04987654321001:SN000123");
        assertThat(code.batch()).isEqualTo("B2026A");
        assertThat(code.expiry()).isEqualTo(LocalDate.of(2028, 1, 31));
        assertThat(code.canonical()).isEqualTo("(01)04987654321001(17)280131(10)B2026A(21)SN000123");
    }

    @Test
    void readsExpiryDayZeroAsTheLastDayOfTheMonth() {
        assertThat(accepted("(01)04987654321001(17)280200(21)1").expiry()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(accepted("(01)04987654321001(17)270200(21)1").expiry()).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void letsAVariableLengthSerialRunToTheEndWhenNoSeparatorFollows() {
        TraceCode code = accepted("0104987654321001" + "21ABC17280131");

        assertThat(code.serial()).isEqualTo("ABC17280131");
        assertThat(code.expiry()).isNull();
    }

    @Test
    void acceptsBatchAndExpiryAsOptional() {
        TraceCode code = accepted("(01)04987654321001(21)7");

        assertThat(code.batch()).isNull();
        assertThat(code.expiry()).isNull();
        assertThat(code.canonical()).isEqualTo("(01)04987654321001(21)7");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\r\n", "]d2", "]C0"})
    void refusesNothing(String input) {
        TraceCodeParser.Result result = TraceCodeParser.parse(input);

        assertThat(result).isInstanceOf(TraceCodeParser.Refused.class);
        assertThat(((TraceCodeParser.Refused) result).problem()).isEqualTo(TraceCodeProblem.EMPTY);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            8601234000000123123                                  | WRONG_LENGTH
            860123400000012312345                                | WRONG_LENGTH
            8601234000000A231234                                 | NOT_NUMERIC
            ABCDEFGHIJKLMNOPQRST                                 | NOT_NUMERIC
            12345678901234567890                                 | WRONG_PREFIX
            86012-34000000123123                                 | UNKNOWN_FORMAT
            ]X986012340000001231234                              | UNKNOWN_FORMAT
            (01)04987654321002(21)X                              | BAD_CHECK_DIGIT
            (01)04987654321000(21)X                              | BAD_CHECK_DIGIT
            (01)0498765432100(21)X                               | WRONG_LENGTH
            (01)049876543210011(21)X                             | WRONG_LENGTH
            (01)0498765432100A(21)X                              | NOT_NUMERIC
            (01)04987654321001(17)281301(21)X                    | BAD_DATE
            (01)04987654321001(17)270230(21)X                    | BAD_DATE
            (01)04987654321001(17)280132(21)X                    | BAD_DATE
            (01)04987654321001(17)2801(21)X                      | WRONG_LENGTH
            (01)04987654321001(17)28O131(21)X                    | NOT_NUMERIC
            (17)280131(10)B1(21)X                                | MISSING_AI
            (01)04987654321001(17)280131(10)B1                   | MISSING_AI
            (01)04987654321001(99)ABC(21)X                       | UNKNOWN_AI
            (01)04987654321001(240)ABC(21)X                      | UNKNOWN_AI
            (01)04987654321001(A1)ABC(21)X                       | UNKNOWN_AI
            (01)04987654321001(21)X(21)Y                         | DUPLICATE_AI
            (01)04987654321001(21)                               | EMPTY_VALUE
            (01)(21)X                                            | EMPTY_VALUE
            (01)04987654321001(21)AB#C                           | BAD_CHARACTER
            (01)04987654321001(10)批号(21)X                       | BAD_CHARACTER
            (01)04987654321001(21)123456789012345678901          | WRONG_LENGTH
            (01)04987654321001(10)B1(21                          | UNKNOWN_FORMAT
            (01)04987654321001x(21)X                             | NOT_NUMERIC
            010498765432100                                      | WRONG_LENGTH
            0104987654321001                                     | MISSING_AI
            01049876543210019912                                 | UNKNOWN_AI
            01049876543210012                                    | UNKNOWN_FORMAT
            ]d221SERIAL                                          | MISSING_AI
            ]d2010498765432100217280131                          | BAD_CHECK_DIGIT
            ]d2010498765432100117281331                          | BAD_DATE
            """)
    void refusesAMalformedCodeWithItsReason(String input, TraceCodeProblem expected) {
        TraceCodeParser.Result result = TraceCodeParser.parse(input);

        assertThat(result).as(input).isInstanceOf(TraceCodeParser.Refused.class);
        TraceCodeParser.Refused refused = (TraceCodeParser.Refused) result;
        assertThat(refused.problem()).as(input + ": " + refused.reason()).isEqualTo(expected);
        assertThat(refused.reason()).isNotBlank();
    }

    @Test
    void refusesASeparatorInsideAFixedLengthField() {
        var result = TraceCodeParser.parse("0104987654" + GS + "3210012112");

        assertThat(((TraceCodeParser.Refused) result).problem()).isEqualTo(TraceCodeProblem.WRONG_LENGTH);
    }

    @Test
    void namesTheExpectedCheckDigit() {
        var refused = (TraceCodeParser.Refused) TraceCodeParser.parse("(01)04987654321002(21)X");

        assertThat(refused.reason()).contains("04987654321002").contains("check digit is 1");
    }

    @Test
    void refusesACodeLongerThanAnyScheme() {
        var refused = (TraceCodeParser.Refused) TraceCodeParser.parse("(01)04987654321001(21)" + "1".repeat(300));

        assertThat(refused.problem()).isEqualTo(TraceCodeProblem.WRONG_LENGTH);
    }

    @Test
    void throwsTheNamedExceptionWhenTheCallerAsksForTheCodeOfARefusal() {
        assertThatThrownBy(
                        () -> TraceCodeParser.parse("(01)04987654321002(21)X").orElseThrow())
                .isInstanceOf(MalformedTraceCode.class)
                .extracting(e -> ((MalformedTraceCode) e).problem())
                .isEqualTo(TraceCodeProblem.BAD_CHECK_DIGIT);
    }

    @ParameterizedTest
    @CsvSource({
        "04987654321001,true",
        "04987654321002,false",
        "00812345678901,true",
        "0081234567890,false",
        "0081234567890X,false"
    })
    void checksGtinMod10(String gtin, boolean valid) {
        assertThat(Gtin.isValid(gtin)).isEqualTo(valid);
    }
}
