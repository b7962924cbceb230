package cn.cbecpilot.platform.support;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Statement;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** How PostgreSQL would run a statement with these values, sequential scans priced out. */
public final class QueryPlans {

    private static final String KEPT_PLANS = "select generic_plans from pg_prepared_statements where statement = $1";

    private QueryPlans() {}

    /**
     * The plan, one line per node. With sequential scans priced out a plan still holds one only where no index can
     * serve a comparison (a column compared as another type than its index's), so a {@code Seq Scan} in it, or a
     * {@code Filter:} on the column an index should have found, is a statement that reads every row.
     */
    public static List<String> of(ConnectionFactory connections, String sql, Object... values) {
        return explained(connections, List.of(), "explain " + sql, values);
    }

    /** The plan PostgreSQL keeps for the statement and runs whatever values are bound, sequential scans priced out. */
    public static List<String> generic(ConnectionFactory connections, String sql) {
        // the statement's text goes as a value, whose parameters the driver does not ask to be bound
        String explainGeneric = "create or replace function pg_temp.generic_plan(statement text) returns setof text"
                + " language plpgsql as $f$ begin return query execute 'explain (generic_plan) ' || statement; end $f$";
        return explained(connections, List.of(explainGeneric), "select pg_temp.generic_plan($1)", sql);
    }

    private static List<String> explained(
            ConnectionFactory connections, List<String> setUp, String explain, Object... values) {
        return Mono.usingWhen(
                        connections.create(),
                        c -> Flux.just("set enable_seqscan = off")
                                .concatWith(Flux.fromIterable(setUp))
                                .concatMap(statement ->
                                        c.createStatement(statement).execute())
                                .concatMap(r -> Mono.from(r.getRowsUpdated()))
                                .thenMany(lines(c, explain, values))
                                .collect(Collectors.toList()),
                        Connection::close)
                .toFuture()
                .join();
    }

    /**
     * How many of {@code times} executions of the statement on one connection ran the plan PostgreSQL keeps for it
     * rather than one planned for the values bound: a statement planned again at every call costs planning time each
     * time. The i-th execution binds {@code values.apply(i)}; what the connection ran before does not count.
     */
    public static long keptPlans(ConnectionFactory connections, String sql, int times, IntFunction<Object[]> values) {
        return Mono.usingWhen(
                        connections.create(),
                        c -> keptSoFar(c, sql).flatMap(before -> Flux.range(0, times)
                                .concatMap(i -> {
                                    Statement statement = c.createStatement(sql);
                                    Object[] bound = values.apply(i);
                                    for (int v = 0; v < bound.length; v++) {
                                        statement = statement.bind(v, bound[v]);
                                    }
                                    return Flux.from(statement.execute()).flatMap(r -> r.getRowsUpdated());
                                })
                                .then(keptSoFar(c, sql))
                                .map(after -> after - before)),
                        Connection::close)
                .toFuture()
                .join();
    }

    private static Mono<Long> keptSoFar(Connection c, String sql) {
        return Flux.from(c.createStatement(KEPT_PLANS).bind(0, sql).execute())
                .flatMap(r -> r.map((row, meta) -> row.get(0, Long.class)))
                .singleOrEmpty()
                .defaultIfEmpty(0L);
    }

    private static Flux<String> lines(Connection c, String sql, Object... values) {
        Statement explain = c.createStatement(sql);
        for (int i = 0; i < values.length; i++) {
            explain = explain.bind(i, values[i]);
        }
        return Flux.from(explain.execute()).flatMap(r -> r.map((row, meta) -> row.get(0, String.class)));
    }
}
