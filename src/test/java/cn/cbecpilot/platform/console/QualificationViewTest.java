package cn.cbecpilot.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.enterprise.Qualification;
import cn.cbecpilot.platform.enterprise.QualificationType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class QualificationViewTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private static QualificationView until(LocalDate until) {
        return QualificationView.of(
                new Qualification(QualificationType.CBEC_PLATFORM, "N", LocalDate.of(2020, 1, 1), until), TODAY);
    }

    @Test
    void warnsOfAQualificationEndingWithinThirtyDaysAndOfOneEnded() {
        assertThat(until(TODAY.plusDays(30)).standing()).isEqualTo(QualificationView.Standing.EXPIRING);
        assertThat(until(TODAY).standing()).isEqualTo(QualificationView.Standing.EXPIRING);
        assertThat(until(TODAY.minusDays(1)).standing()).isEqualTo(QualificationView.Standing.EXPIRED);
        assertThat(until(TODAY.minusDays(1)).needsAttention()).isTrue();
    }

    @Test
    void aQualificationWithMoreThanThirtyDaysLeftIsValid() {
        QualificationView view = until(TODAY.plusDays(31));

        assertThat(view.standing()).isEqualTo(QualificationView.Standing.VALID);
        assertThat(view.daysLeft()).isEqualTo(31);
        assertThat(view.needsAttention()).isFalse();
    }
}
