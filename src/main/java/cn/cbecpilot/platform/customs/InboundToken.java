package cn.cbecpilot.platform.customs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The single window's bearer token, compared in constant time so its length and prefix cannot be probed. */
final class InboundToken {

    private final byte[] expected;

    InboundToken(String token) {
        this.expected = token.getBytes(StandardCharsets.UTF_8);
    }

    boolean matches(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] offered = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, offered);
    }
}
