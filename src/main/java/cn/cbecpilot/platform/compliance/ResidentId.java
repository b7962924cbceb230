package cn.cbecpilot.platform.compliance;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The 18-character PRC resident identity number of GB 11643-1999: 6 address digits, the birth date as yyyyMMdd, 3
 * sequence digits and an ISO 7064 MOD 11-2 check character.
 */
public final class ResidentId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private static final Pattern DIGITS = Pattern.compile("\\d{17}[\\dX]");

    private ResidentId() {}

    /** Why the number is not a valid resident ID on the given day, or empty when it is. */
    public static Optional<String> problem(String number, LocalDate today) {
        if (number == null || number.isBlank()) {
            return Optional.of("the buyer's ID number is missing");
        }
        if (!DIGITS.matcher(number).matches()) {
            return Optional.of("the ID number must be 18 characters: 17 digits and a digit or X");
        }
        Optional<LocalDate> birth = birthDate(number);
        if (birth.isEmpty()) {
            return Optional.of("the ID number holds no real birth date");
        }
        if (birth.get().isAfter(today) || birth.get().isBefore(LocalDate.of(1900, 1, 1))) {
            return Optional.of("the ID number's birth date " + birth.get() + " is not possible");
        }
        if (checkCharacter(number) != number.charAt(17)) {
            return Optional.of("the ID number's check character is wrong");
        }
        return Optional.empty();
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static Optional<LocalDate> birthDate(String number) {
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
