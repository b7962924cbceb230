package cn.cbecpilot.platform.exportreturn.domain;

import java.util.List;

/**
 * Units counted on arrival. {@code exportListNo} and {@code gnum} may be left out when they leave no doubt which line
 * of the return is meant (a return of one line, or a gnum only one line has).
 */
public record TallyLine(String exportListNo, Integer gnum, int quantity, List<String> codes) {

    public TallyLine {
        codes = codes == null ? List.of() : List.copyOf(codes);
    }
}
