package cn.cbecpilot.platform.trace;

import java.util.Objects;

/** A traceability code that could not be read, with the reason (HTTP 400 on a lookup, 422 inside a request body). */
public class MalformedTraceCode extends RuntimeException {

    private final TraceCodeProblem problem;

    public MalformedTraceCode(TraceCodeProblem problem, String reason) {
        super(reason);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public TraceCodeProblem problem() {
        return problem;
    }
}
