package cn.cbecpilot.platform.exportreturn;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The export list lines that recorded traceability codes, as {@code <exportListNo>.<gnum>}: the return page asks for
 * the codes of the returned units on those lines only, since only there does the original-goods rule need them.
 */
@Repository
class CodedExportLines {

    private final DatabaseClient db;

    CodedExportLines(DatabaseClient db) {
        this.db = db;
    }

    /** Looked up line by line through the codes' key, so that the cost follows the lines, not the codes. */
    Mono<Set<String>> all() {
        return db.sql("select l.export_list_no, l.gnum from export_list_line l where exists (select 1 from"
                        + " export_list_code c where c.export_list_no = l.export_list_no and c.gnum = l.gnum)")
                .map((r, m) -> r.get("export_list_no", String.class) + "." + r.get("gnum", Integer.class))
                .all()
                .collect(Collectors.toSet());
    }
}
