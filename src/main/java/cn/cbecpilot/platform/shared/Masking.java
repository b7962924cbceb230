package cn.cbecpilot.platform.shared;

/** How personal data looks when it leaves the platform (anywhere but the CEB messages to customs). */
public final class Masking {

    private Masking() {}

    /** {@code 110105199003071234} → {@code 110105********1234}. */
    public static String idNumber(String id) {
        if (id == null || id.length() < 10) {
            return "****";
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return "****";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** {@code 张三丰} → {@code 张**}: the family name only. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        int first = name.strip().codePointAt(0);
        return new String(Character.toChars(first))
                + "*"
                        .repeat(Math.max(
                                1, name.strip().codePointCount(0, name.strip().length()) - 1));
    }

    /** Keeps the district, hides the street: the first 6 characters and asterisks. */
    public static String address(String address) {
        if (address == null || address.length() <= 6) {
            return "******";
        }
        return address.substring(0, 6) + "******";
    }
}
