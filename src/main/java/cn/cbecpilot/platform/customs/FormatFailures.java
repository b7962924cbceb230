package cn.cbecpilot.platform.customs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CEB900 receipt: customs could not read a request at all (its schema check failed), so the request is refused
 * before any business check. It names the refused request by guid ({@code oriCopMsgId}), which finds its subject,
 * and by type ({@code oriMessageType}), which says what the refusal means to the subject's lifecycle.
 */
public final class FormatFailures {

    public static final String TYPE = "CEB900";

    private static final Pattern ORIGINAL =
            Pattern.compile("<(?:[A-Za-z][\\w.-]*:)?oriMessageType>\\s*(CEB\\d{3})[^<]*</");

    private FormatFailures() {}

    /** The type of the request customs could not read ({@code CEB621}), when the receipt is a CEB900 naming one. */
    public static Optional<String> refusedType(CustomsReceipt receipt) {
        if (!TYPE.equals(receipt.messageType())) {
            return Optional.empty();
        }
        Matcher m = ORIGINAL.matcher(receipt.xml());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
