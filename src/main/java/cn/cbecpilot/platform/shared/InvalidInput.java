package cn.cbecpilot.platform.shared;

import java.util.List;

/**
 * Input that is well formed but not acceptable (HTTP 422), with every field at fault.
 *
 * @see FieldProblem
 */
public class InvalidInput extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidInput(List<FieldProblem> problems) {
        super(problems.size() == 1 ? problems.get(0).message() : problems.size() + " fields are not acceptable");
        this.problems = List.copyOf(problems);
    }

    public static InvalidInput of(String code, String field, String message) {
        return new InvalidInput(List.of(new FieldProblem(code, field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** One field's problem; {@code code} is stable, {@code field} names the JSON property path. */
    public record FieldProblem(String code, String field, String message) {}
}
