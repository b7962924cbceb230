package cn.cbecpilot.platform.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The limits a positive-list remark (备注) places on its tariff line, read from the remark's text: bonded-only
 * ("仅限网购保税"), a name limit ("品名限于：A、B"), and a yearly quantity cap per person ("每人每年限购6件" or
 * "限6件/人/年").
 */
public record ListRemark(boolean bondedOnly, List<String> allowedNames, Integer maxPerYear) {

    public static final ListRemark NONE = new ListRemark(false, List.of(), null);

    private static final Pattern NAMES = Pattern.compile("品名限于[：:]\\s*([^；;。]+)");
    private static final Pattern YEARLY_CAP = Pattern.compile("(?:每人每年限购\\s*(\\d+)|限\\s*(\\d+)\\s*\\S?/人/年)");

    public ListRemark {
        allowedNames = List.copyOf(allowedNames);
    }

    public static ListRemark parse(String remark) {
        if (remark == null || remark.isBlank()) {
            return NONE;
        }
        return new ListRemark(
                remark.contains("仅限网购保税"),
                names(remark),
                yearlyCap(remark).stream().boxed().findFirst().orElse(null));
    }

    public boolean allowsName(String productName) {
        return allowedNames.isEmpty() || allowedNames.stream().anyMatch(productName::contains);
    }

    private static List<String> names(String remark) {
        Matcher m = NAMES.matcher(remark);
        if (!m.find()) {
            return List.of();
        }
        return Arrays.stream(m.group(1).split("[、,，]"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static OptionalInt yearlyCap(String remark) {
        Matcher m = YEARLY_CAP.matcher(remark);
        if (!m.find()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
    }
}
