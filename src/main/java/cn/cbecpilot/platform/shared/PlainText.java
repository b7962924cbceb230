package cn.cbecpilot.platform.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What text the platform takes from outside: no control characters other than tab and line breaks, and no character
 * XML cannot hold (U+FFFE, U+FFFF, half a surrogate pair). No name, number or address has one, PostgreSQL refuses a
 * NUL outright, and what the platform declares to customs must be well-formed XML, or the single window refuses the
 * message and the parcel waits. Uploaded files are UTF-8, read strictly.
 */
public final class PlainText {

    public static final String REASON = "control characters and characters XML cannot hold are not allowed in text";

    /** Tab and line breaks. */
    private static final long TEXT = (1L << '\t') | (1L << '\n') | (1L << '\r');

    /**
     * Besides, in scanned codes, the separators a scanner passes on from a traceability code: GS (FNC1 between GS1
     * element strings), RS and EOT (the ISO/IEC 15434 envelope around them).
     */
    private static final long SCANNED = TEXT | (1L << 0x1D) | (1L << 0x1E) | (1L << 0x04);

    private PlainText() {}

    /** Whether {@code text} holds a character no text field takes. */
    public static boolean refused(String text) {
        return refused(text, TEXT);
    }

    /** Whether {@code text}, a scanned traceability code, holds a character no scanner passes on. */
    public static boolean refusedInCode(String text) {
        return refused(text, SCANNED);
    }

    private static boolean refused(String text, long allowedBelowSpace) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if ((allowedBelowSpace & (1L << c)) == 0) {
                    return true;
                }
            } else if ((c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF) {
                return true;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The bytes of an uploaded file as text, a byte-order mark dropped; {@link InvalidInput} when they are not UTF-8
     * (a spreadsheet saved in GBK or Latin-1 would otherwise be stored with its letters replaced).
     */
    public static String utf8(ByteBuffer bytes, String what) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw InvalidInput.of(
                    "ENCODING", what, what + " is not UTF-8 text; save it as CSV UTF-8 and send it again");
        }
    }
}
