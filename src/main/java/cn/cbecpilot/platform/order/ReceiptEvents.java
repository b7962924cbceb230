package cn.cbecpilot.platform.order;

import java.util.Optional;
import java.util.Set;

/** Which order event a customs receipt is: the inventory list's (622), the cancellation's (624) and the return's (626). */
final class ReceiptEvents {

    static final String INVENTORY = "CEB622";
    static final String CANCELLATION = "CEB624";
    static final String REFUND = "CEB626";
    static final String TAX_BILL = "CEB816";

    /**
     * Import receipt types the order takes; those that move nothing (312, 412, 512, and the tax bill 816, whose
     * amounts are kept with the order) are kept on its timeline.
     */
    static final Set<String> TYPES = Set.of("CEB312", "CEB412", "CEB512", INVENTORY, CANCELLATION, REFUND, TAX_BILL);

    /** The requests the order sends, whose refusal on format (CEB900) comes back to it. */
    static final Set<String> REQUESTS = Set.of("CEB311", "CEB411", "CEB511", "CEB621", "CEB623", "CEB625");

    private ReceiptEvents() {}

    /**
     * What a request customs could not read (CEB900) means to the order: an unreadable order or list is a rejected
     * declaration (corrected and declared again, or cancelled); an unreadable cancellation or return request is a
     * refused one. The payment and waybill relays are the partners' to send again and only go on the timeline.
     */
    static Optional<OrderEvent> ofUnreadable(String requestType) {
        return Optional.ofNullable(
                switch (requestType) {
                    case "CEB311", "CEB621" -> OrderEvent.REJECT;
                    case "CEB623" -> OrderEvent.REFUSE_CANCEL;
                    case "CEB625" -> OrderEvent.REFUSE_RETURN;
                    default -> null;
                });
    }

    static Optional<OrderEvent> of(String messageType, String returnStatus) {
        Integer code = code(returnStatus);
        if (code == null) {
            return Optional.empty();
        }
        return switch (messageType) {
            case INVENTORY -> inventory(code);
            case CANCELLATION -> decision(code, OrderEvent.APPROVE_CANCEL, OrderEvent.REFUSE_CANCEL);
            case REFUND -> decision(code, OrderEvent.APPROVE_RETURN, OrderEvent.REFUSE_RETURN);
            default -> Optional.empty();
        };
    }

    /** 800 and 899 are final: nothing after them moves the order back. */
    static boolean isFinal(String returnStatus) {
        return "800".equals(returnStatus) || "899".equals(returnStatus);
    }

    private static Optional<OrderEvent> inventory(int code) {
        if (code < 0 || code == 100) {
            return Optional.of(OrderEvent.REJECT);
        }
        if (code > 500 && code <= 599) {
            return Optional.of(OrderEvent.DETAIN);
        }
        return Optional.ofNullable(
                switch (code) {
                    case 120 -> OrderEvent.ACCEPT;
                    case 300 -> OrderEvent.REVIEW;
                    case 500 -> OrderEvent.INSPECT;
                    case 700 -> OrderEvent.RETURN_ABROAD;
                    case 800, 899 -> OrderEvent.RELEASE;
                    default -> null;
                });
    }

    /** 399 concluded (approved); 100 or a processing error refused. */
    private static Optional<OrderEvent> decision(int code, OrderEvent approved, OrderEvent refused) {
        if (code == 399) {
            return Optional.of(approved);
        }
        return code == 100 || code < 0 ? Optional.of(refused) : Optional.empty();
    }

    private static Integer code(String returnStatus) {
        try {
            return Integer.valueOf(returnStatus.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
