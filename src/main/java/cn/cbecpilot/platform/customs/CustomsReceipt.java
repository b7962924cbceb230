package cn.cbecpilot.platform.customs;

import java.time.Instant;
import java.util.Objects;

/**
 * One receipt from the single window, reduced to what a lifecycle needs. {@code subjectNo} is the enterprise's own
 * number the receipt answers (the order's copNo, the return's copNo); {@code guid} is the receipt's own guid, by which
 * it is applied at most once.
 *
 * @param messageType CEB type of the receipt, e.g. {@code CEB622}
 * @param guid the receipt's guid (36 characters, upper case)
 * @param subjectNo the copNo of the declaration it answers
 * @param returnStatus the customs status code, e.g. {@code 800}, {@code -301010}
 * @param returnInfo the human text customs gave with the status
 * @param returnTime when customs set the status
 * @param xml the receipt as received, kept on the subject's timeline
 */
public record CustomsReceipt(
        String messageType,
        String guid,
        String subjectNo,
        String returnStatus,
        String returnInfo,
        Instant returnTime,
        String xml) {

    public CustomsReceipt {
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(subjectNo, "subjectNo");
        Objects.requireNonNull(returnStatus, "returnStatus");
        Objects.requireNonNull(returnTime, "returnTime");
        returnInfo = returnInfo == null ? "" : returnInfo;
        xml = xml == null ? "" : xml;
    }
}
