package cn.cbecpilot.platform.customs;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A receipt kept as received, written by the statement of the lifecycle that applies it ({@link
 * ReceiptConsumer#applyAndKeep}): a receipt pushed alone is then kept and applied in one statement and one commit,
 * where storing it first costs a statement and a commit of its own. The receipt is kept applied; kept unapplied by an
 * earlier delivery, it is marked applied.
 */
public final class KeptReceipts {

    /** The most of a receipt's text kept, as the column holds. */
    static final int INFO_LENGTH = 1000;

    private KeptReceipts() {}

    /**
     * The insert, for a common table expression, that keeps the receipt once for each row of {@code source} (one row:
     * the subject the receipt moved; none: nothing kept), its subject's number read from {@code subjectColumn} of that
     * row, from the seven parameters numbered from {@code first} that {@link #bind} binds.
     */
    public static String insert(String source, String subjectColumn, int first) {
        return "insert into customs_message (direction, guid, message_type, subject_no, return_status, return_info,"
                + " return_time, xml, at, applied) select 'IN', $" + first + ", $" + (first + 1) + ", " + subjectColumn
                + ", $" + (first + 2) + ", $" + (first + 3) + ", $" + (first + 4) + ", $" + (first + 5) + ", $"
                + (first + 6) + ", true from " + source + " on conflict (direction, guid) do update set applied = true";
    }

    /**
     * The number of the subject of the request sent with the guid in parameter {@code guid} (e.g. {@code $1}), as a
     * scalar subquery: a receipt that names its request only by the request's guid (a tax bill names its list so)
     * answers that subject.
     */
    public static String subjectOfSent(String guid) {
        return "(select subject_no from customs_message where direction = 'OUT' and guid = " + guid + "::bpchar)";
    }

    /** Binds the parameters of {@link #insert} from index {@code first} (zero-based): the receipt, kept at {@code now}. */
    public static DatabaseClient.GenericExecuteSpec bind(
            DatabaseClient.GenericExecuteSpec spec, int first, CustomsReceipt receipt, Instant now) {
        return spec.bind(first, receipt.guid())
                .bind(first + 1, receipt.messageType())
                .bind(first + 2, receipt.returnStatus())
                .bind(first + 3, info(receipt))
                .bind(first + 4, receipt.returnTime())
                .bind(first + 5, receipt.xml())
                .bind(first + 6, now);
    }

    /** The receipt's text as kept: its first {@value #INFO_LENGTH} characters. */
    static String info(CustomsReceipt receipt) {
        String info = receipt.returnInfo();
        return info.length() > INFO_LENGTH ? info.substring(0, INFO_LENGTH) : info;
    }
}
