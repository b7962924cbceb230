package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.shared.InvalidInput;
import java.util.List;

/**
 * What an export-list CSV upload on the console did: the lists and lines it recorded, or why it recorded none (a
 * file is imported whole or not at all).
 *
 * @param refused every field the reader or the list checks refused, with where it is in the file
 * @param problemKey a message key for a refusal of the whole file (too large, none sent, a list already recorded)
 */
record ListUpload(int lists, int lines, List<Refused> refused, String problemKey) {

    ListUpload {
        refused = List.copyOf(refused);
    }

    /**
     * One refused field: where ({@code row 3}, {@code list EL1}, {@code EL1.releasedOn}), the stable code the page
     * words as {@code violation.<code>}, and the reader's own detail naming the column and value at fault.
     */
    record Refused(String where, String code, String detail) {

        public String key() {
            return "violation." + code;
        }
    }

    static ListUpload imported(int lists, int lines) {
        return new ListUpload(lists, lines, List.of(), null);
    }

    static ListUpload refused(InvalidInput e) {
        return new ListUpload(
                0,
                0,
                e.problems().stream()
                        .map(p -> new Refused(p.field(), p.code(), p.message()))
                        .toList(),
                null);
    }

    static ListUpload refused(String problemKey) {
        return new ListUpload(0, 0, List.of(), problemKey);
    }

    public boolean succeeded() {
        return problemKey == null && refused.isEmpty();
    }
}
