package cn.cbecpilot.platform.recall;

import cn.cbecpilot.platform.shared.InvalidInput.FieldProblem;
import cn.cbecpilot.platform.trace.TraceCode;
import cn.cbecpilot.platform.trace.TraceCodeParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The codes of a request, read, by their place in it; and the problems of those that could not be read. */
record ScannedCodes(Map<Integer, TraceCode> read, List<FieldProblem> problems) {

    static ScannedCodes read(List<String> inputs) {
        Map<Integer, TraceCode> read = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            TraceCodeParser.Result result = TraceCodeParser.parse(inputs.get(i));
            if (result instanceof TraceCodeParser.Refused refused) {
                problems.add(new FieldProblem(refused.problem().name(), "codes[" + i + "]", refused.reason()));
            } else {
                read.put(i, result.orElseThrow());
            }
        }
        return new ScannedCodes(read, problems);
    }

    List<TraceCode> codes() {
        return List.copyOf(read.values());
    }
}
