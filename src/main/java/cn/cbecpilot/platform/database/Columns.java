package cn.cbecpilot.platform.database;

import java.util.Collection;
import java.util.function.Function;

/** Rows as columns, for statements that take many rows at once as arrays ({@code unnest($1::text[], ...)}). */
public final class Columns {

    private Columns() {}

    /** One text column of the rows, in their order; a null field stays null. */
    public static <T> String[] texts(Collection<T> rows, Function<? super T, String> field) {
        return rows.stream().map(field).toArray(String[]::new);
    }
}
