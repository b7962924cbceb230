package cn.cbecpilot.platform.customs;

import cn.cbecpilot.platform.shared.Masking;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CEB message as an operator may read it: the buyer's, payer's and consignee's personal data masked as everywhere
 * else outside the messages to customs. Only the copy that goes over the wire carries them in clear; the stored copy
 * is sealed and this is what is shown of it.
 */
final class MaskedMessages {

    private static final Map<String, UnaryOperator<String>> PERSONAL = Map.of(
            "buyerIdNumber", Masking::idNumber,
            "payerIdNumber", Masking::idNumber,
            "buyerName", Masking::name,
            "payerName", Masking::name,
            "consignee", Masking::name,
            "buyerTelephone", Masking::phone,
            "consigneeTelephone", Masking::phone,
            "telephone", Masking::phone,
            "consigneeAddress", Masking::address);

    private static final Pattern ELEMENT =
            Pattern.compile("<((?:[A-Za-z][\\w.-]*:)?(" + String.join("|", PERSONAL.keySet()) + "))>([^<]*)</\\1>");

    private MaskedMessages() {}

    static String mask(String xml) {
        if (xml == null) {
            return null;
        }
        Matcher m = ELEMENT.matcher(xml);
        StringBuilder masked = new StringBuilder(xml.length());
        while (m.find()) {
            String value = PERSONAL.get(m.group(2)).apply(m.group(3));
            m.appendReplacement(
                    masked, Matcher.quoteReplacement("<" + m.group(1) + ">" + value + "</" + m.group(1) + ">"));
        }
        return m.appendTail(masked).toString();
    }
}
