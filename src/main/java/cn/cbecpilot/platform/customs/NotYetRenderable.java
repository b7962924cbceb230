package cn.cbecpilot.platform.customs;

/**
 * A request whose message cannot be written yet, because customs has not given a number it must carry (a CEB623
 * before the 120 receipt brought the invtNo). The dispatcher holds it and tries again; nothing was sent, so this is
 * neither a transport fault nor a refusal, and it does not count as an attempt.
 */
final class NotYetRenderable extends RuntimeException {

    NotYetRenderable(String message) {
        super(message, null, false, false);
    }
}
