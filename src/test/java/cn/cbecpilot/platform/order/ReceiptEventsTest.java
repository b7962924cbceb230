package cn.cbecpilot.platform.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which event each customs receipt code is, for the inventory list, the cancellation and the return. */
class ReceiptEventsTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            nullValues = "NONE",
            value = {
                "CEB622, 120, ACCEPT",
                "CEB622, 300, REVIEW",
                "CEB622, 500, INSPECT",
                "CEB622, 501, DETAIN",
                "CEB622, 503, DETAIN",
                "CEB622, 599, DETAIN",
                "CEB622, 100, REJECT",
                "CEB622, -621018, REJECT",
                "CEB622, 700, RETURN_ABROAD",
                "CEB622, 800, RELEASE",
                "CEB622, 899, RELEASE",
                "CEB622, 1, NONE",
                "CEB622, 2, NONE",
                "CEB622, 399, NONE",
                "CEB622, 600, NONE",
                "CEB622, abc, NONE",
                "CEB624, 399, APPROVE_CANCEL",
                "CEB624, 100, REFUSE_CANCEL",
                "CEB624, -623005, REFUSE_CANCEL",
                "CEB624, 120, NONE",
                "CEB626, 399, APPROVE_RETURN",
                "CEB626, 100, REFUSE_RETURN",
                "CEB626, 2, NONE",
                "CEB312, 120, NONE",
                "CEB312, 100, NONE"
            })
    void mapsEachReceiptCodeToItsEvent(String type, String status, OrderEvent expected) {
        assertThat(ReceiptEvents.of(type, status)).isEqualTo(Optional.ofNullable(expected));
    }
}
