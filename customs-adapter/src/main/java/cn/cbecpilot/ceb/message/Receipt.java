package cn.cbecpilot.ceb.message;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One receipt from customs, whatever its message type. A receipt message may hold up to a hundred;
 * each becomes one of these, all sharing the message's guid.
 *
 * @param messageType e.g. {@link MessageType#CEB622}
 * @param messageGuid the receipt message's own guid (root attribute)
 * @param guid the receipt's guid, which is that of the request it answers
 * @param copNo the enterprise's own number: {@code copNo}, or {@code coElNo} on the export-return
 *     receipts 214 and 216
 * @param preNo the e-port's pre-entry number, where the receipt has one
 * @param invtNo the customs list number, once customs assigned it
 * @param returnStatus e.g. {@code 120}, {@code 800}, {@code 100}, {@code -621005}; the tax bill's
 *     {@code status} on a 816
 * @param returnTime when customs answered, Beijing local time
 * @param returnInfo customs' words; the tax bill's {@code note} on a 816 (empty when absent)
 * @param fields every simple element of the receipt by name, in document order
 * @param xml the receipt message as received (without any DXP envelope) when it holds this one receipt; else
 *     the message reduced to this receipt's part of it (its root around one {@code InventoryReturn}, one
 *     {@code Tax}...), so that it names no other receipt's list, bill or request
 */
public record Receipt(
        MessageType messageType,
        String messageGuid,
        String guid,
        Optional<String> copNo,
        Optional<String> preNo,
        Optional<String> invtNo,
        String returnStatus,
        LocalDateTime returnTime,
        String returnInfo,
        Map<String, String> fields,
        String xml) {

    public Receipt {
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(messageGuid, "messageGuid");
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(copNo, "copNo");
        Objects.requireNonNull(preNo, "preNo");
        Objects.requireNonNull(invtNo, "invtNo");
        Objects.requireNonNull(returnStatus, "returnStatus");
        Objects.requireNonNull(returnTime, "returnTime");
        Objects.requireNonNull(returnInfo, "returnInfo");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        Objects.requireNonNull(xml, "xml");
    }

    /** Any other element of the receipt, e.g. {@code orderNo} on a 312 or {@code taxNo} on a 816. */
    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** A negative status: customs could not process the request at all. */
    public boolean isProcessingError() {
        return returnStatus.startsWith("-");
    }

    @Override
    public String toString() {
        return "Receipt[" + messageType + " " + guid + " " + copNo.orElse("-") + " " + returnStatus + " " + returnInfo
                + "]";
    }
}
