package cn.cbecpilot.platform.compliance;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Valid resident ID numbers for tests: a Beijing Chaoyang address code, a birth date, a sequence, the check. */
public final class ResidentIds {

    private ResidentIds() {}

    public static String born(LocalDate birth, int sequence) {
        String first17 = "110105" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        return first17 + ResidentId.checkCharacter(first17);
    }

    /** A distinct valid ID per number, so that concurrent tests never share a buyer's quota by accident. */
    public static String unique(long n) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(Math.floorMod(n / 1000, 18000));
        return born(birth, (int) Math.floorMod(n, 1000));
    }
}
