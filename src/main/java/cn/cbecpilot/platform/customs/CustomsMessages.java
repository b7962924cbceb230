package cn.cbecpilot.platform.customs;

import cn.cbecpilot.ceb.gateway.PreparedMessage;
import cn.cbecpilot.platform.database.Columns;
import cn.cbecpilot.platform.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every CEB message sent and received, listed per order or export return. A message sent is kept sealed as it went
 * over the wire (it names the buyer, the payer and the consignee in clear, as customs needs them) and is listed with
 * that personal data masked.
 */
@Component
public class CustomsMessages {

    /** One message as the console shows it. */
    public record Listed(
            String type,
            String direction,
            String guid,
            Instant at,
            String returnStatus,
            String returnInfo,
            String xml) {}

    private final DatabaseClient db;
    private final PersonalData data;
    private final java.time.Clock clock;

    CustomsMessages(DatabaseClient db, PersonalData data, java.time.Clock clock) {
        this.db = db;
        this.data = data;
        this.clock = clock;
    }

    /** Keeps the message about to leave; a resend after a crash keeps the first copy. */
    Mono<Void> sent(OutboxRequest request, PreparedMessage message) {
        return db.sql("insert into customs_message (direction, guid, message_type, subject_no, xml, at, applied)"
                        + " values ('OUT', $1, $2, $3, $4, $5, true) on conflict (direction, guid) do nothing")
                .bind(0, message.guid())
                .bind(1, request.messageType())
                .bind(2, request.subjectNo())
                .bind(3, data.seal(message.xml()))
                .bind(4, clock.instant())
                .fetch()
                .rowsUpdated()
                .then();
    }

    /**
     * Keeps the messages of an outbox round about to leave, in one statement, each sealed; a resend after a crash
     * keeps the first copy.
     */
    Mono<Void> sent(List<Outgoing> outgoing) {
        if (outgoing.size() == 1) {
            return sent(outgoing.get(0).request(), outgoing.get(0).message());
        }
        return db.sql("insert into customs_message (direction, guid, message_type, subject_no, xml, at, applied)"
                        + " select 'OUT', m.guid, m.message_type, m.subject_no, m.xml, $5, true"
                        + " from unnest($1::text[], $2::text[], $3::text[], $4::text[]) with ordinality"
                        + " as m (guid, message_type, subject_no, xml, n) order by m.n"
                        + " on conflict (direction, guid) do nothing")
                .bind(0, Columns.texts(outgoing, o -> o.message().guid()))
                .bind(1, Columns.texts(outgoing, o -> o.request().messageType()))
                .bind(2, Columns.texts(outgoing, o -> o.request().subjectNo()))
                .bind(3, Columns.texts(outgoing, o -> data.seal(o.message().xml())))
                .bind(4, clock.instant())
                .fetch()
                .rowsUpdated()
                .then();
    }

    public Flux<Listed> of(String subjectNo) {
        return db.sql("select message_type, direction, guid, at, return_status, return_info, xml from customs_message"
                        + " where subject_no = $1 order by at, id")
                .bind(0, subjectNo)
                .map((r, m) -> new Listed(
                        r.get("message_type", String.class),
                        r.get("direction", String.class),
                        r.get("guid", String.class),
                        r.get("at", Instant.class),
                        r.get("return_status", String.class),
                        r.get("return_info", String.class),
                        MaskedMessages.mask(data.open(r.get("xml", String.class)))))
                .all();
    }
}
