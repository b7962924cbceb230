package cn.cbecpilot.platform.pages;

import cn.cbecpilot.platform.compliance.Violation;
import cn.cbecpilot.platform.shared.InvalidInput.FieldProblem;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's refusal as a page shows it, in the page's language: the stable code, and the message {@code
 * violation.<context>.<code>} where the page has a wording of its own, else {@code violation.<code>} (both in
 * messages.properties and messages_en.properties), with the argument the page knows (the scanned code, the line). The
 * API's English sentence is not shown: it is for API clients and logs.
 *
 * @param context which page asks ({@code pick}, {@code exportReturn}...), or null
 */
public record RuleProblem(String code, String context, List<Object> args) {

    private static final Pattern INDEXED = Pattern.compile(".*\\[(\\d+)]$");

    public RuleProblem {
        args = List.copyOf(args);
    }

    public static RuleProblem of(String code, String context, Object... args) {
        return new RuleProblem(code, context, Arrays.asList(args));
    }

    /**
     * A field problem of a request that took a list of typed values (the scanned codes of a pick, say): its argument
     * is the value typed at the field's index, {@code codes[2]} naming the third.
     */
    public static RuleProblem of(FieldProblem p, String context, List<String> typed) {
        Matcher m = INDEXED.matcher(p.field() == null ? "" : p.field());
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            if (i < typed.size()) {
                return of(p.code(), context, shown(typed.get(i)));
            }
        }
        return of(p.code(), context, "");
    }

    /** The longest typed value a message repeats whole; a longer one (a scan gone wrong) is cut, with an ellipsis. */
    static final int SHOWN = 60;

    private static String shown(String typed) {
        return typed.length() <= SHOWN ? typed : typed.substring(0, SHOWN) + "…";
    }

    /** A rule violation: its argument is the line it is about, if any. */
    public static RuleProblem of(Violation v, String context) {
        return of(v.code().name(), context, v.line() == null ? "" : v.line());
    }

    public String key() {
        return "violation." + code;
    }

    /** The page's own wording's key; the template falls back to {@link #key()} when the page has none. */
    public String contextKey() {
        return context == null ? key() : "violation." + context + "." + code;
    }

    public Object[] params() {
        return args.toArray();
    }
}
