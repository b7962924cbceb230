package cn.cbecpilot.platform.storefront;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with a submitted form, by where the page shows it: a field name, {@code line.N} for the N-th cart
 * line, or {@link #TOP} above the form.
 */
final class FormProblems {

    static final String TOP = "top";

    private final Map<String, List<Problem>> byPlace = new LinkedHashMap<>();

    /**
     * One problem: the message key with its arguments, and the rule's own wording when it came from a rule.
     *
     * @param code the rule code, or null for a form check
     */
    record Problem(String key, List<Object> args, String code, String detail) {

        Problem {
            args = List.copyOf(args);
        }

        public Object[] params() {
            return args.toArray();
        }
    }

    void add(String place, String key, Object... args) {
        add(place, new Problem(key, List.of(args), null, null));
    }

    void add(String place, Problem problem) {
        byPlace.computeIfAbsent(place, p -> new ArrayList<>()).add(problem);
    }

    void addAll(FormProblems other) {
        other.byPlace.forEach((place, problems) -> problems.forEach(p -> add(place, p)));
    }

    public boolean isEmpty() {
        return byPlace.isEmpty();
    }

    public boolean has(String place) {
        return byPlace.containsKey(place);
    }

    public List<Problem> at(String place) {
        return byPlace.getOrDefault(place, List.of());
    }

    public int count() {
        return byPlace.values().stream().mapToInt(List::size).sum();
    }
}
