package cn.cbecpilot.platform.customs;

/**
 * A receipt that is not to be applied in the transaction of its whole message: it would hold rows that other orders
 * need (stock given back) until the last receipt of the message is applied. The message is then applied receipt by
 * receipt.
 */
public final class NotTogether extends RuntimeException {

    public NotTogether(String reason) {
        super(reason, null, false, false);
    }
}
