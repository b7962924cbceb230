package cn.cbecpilot.platform.customs;

/**
 * A request claimed from the outbox for sending.
 *
 * @param subjectKind ORDER or EXPORT_RETURN
 * @param messageType e.g. {@code CEB621}
 * @param appType 1 new, 2 change, 3 deletion
 * @param attempts how many times it has been claimed, this time included
 */
record OutboxRequest(
        long id, String subjectKind, String subjectNo, String messageType, String appType, String guid, int attempts) {}
