package cn.cbecpilot.platform.customs;

/**
 * A request that no longer has anything to ask for: its subject reached a state in which customs would refuse it (a
 * CEB623 for a list customs rejected before it assigned an invtNo). The dispatcher drops it unsent.
 */
final class RequestWithdrawn extends RuntimeException {

    RequestWithdrawn(String message) {
        super(message, null, false, false);
    }
}
