package cn.cbecpilot.platform.trace;

/** The GS1 mod-10 check digit of a GTIN. */
public final class Gtin {

    private Gtin() {}

    /** The check digit a GTIN of these digits must end in (its last digit is not read). */
    public static int checkDigit(String gtin) {
        int sum = 0;
        for (int i = gtin.length() - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (gtin.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether the text is a GTIN-14 with the right check digit. */
    public static boolean isValid(String gtin) {
        return gtin != null
                && gtin.length() == 14
                && gtin.chars().allMatch(c -> c >= '0' && c <= '9')
                && checkDigit(gtin) == gtin.charAt(13) - '0';
    }
}
