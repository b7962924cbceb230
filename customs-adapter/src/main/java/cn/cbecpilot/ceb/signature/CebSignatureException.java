package cn.cbecpilot.ceb.signature;

/** A message could not be signed or read, or key material could not be loaded or written. */
public final class CebSignatureException extends RuntimeException {

    private CebSignatureException(String message, Throwable cause) {
        super(message, cause);
    }

    static CebSignatureException unreadableXml(Throwable cause) {
        return new CebSignatureException("message is not well-formed or not allowed XML: " + cause.getMessage(), cause);
    }

    static CebSignatureException alreadySigned() {
        return new CebSignatureException("message already carries a ds:Signature", null);
    }

    static CebSignatureException signingFailed(Throwable cause) {
        return new CebSignatureException("signing failed: " + cause.getMessage(), cause);
    }

    static CebSignatureException keyMaterial(String what, Throwable cause) {
        return new CebSignatureException(what + (cause == null ? "" : ": " + cause.getMessage()), cause);
    }
}
