package cn.cbecpilot.platform.shared;

/** A request that the current state of what it names does not allow (HTTP 409). */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
