package cn.cbecpilot.platform.customs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.QueryPlans;
import io.r2dbc.spi.ConnectionFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dispatcher's claim keeps one plan whatever its limit: it walks the due requests' index, oldest first. */
class OutboxPlanIntegrationTest extends IntegrationTestBase {

    @Autowired
    ConnectionFactory connections;

    @Test
    void theClaimOfDueRequestsKeepsAPlanThatWalksTheDueIndex() {
        List<String> plan = QueryPlans.generic(connections, OutboxRows.CLAIM);

        assertThat(plan).anyMatch(l -> l.contains("customs_outbox_due")).noneMatch(l -> l.contains("Seq Scan"));
    }
}
