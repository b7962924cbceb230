package cn.cbecpilot.platform.support;

import cn.cbecpilot.platform.customs.ReceiptConsumer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** For tests that take orders through their lifecycle: reference data to sell and the journeys to take them on. */
public abstract class OrderJourneyTestBase extends IntegrationTestBase {

    @Autowired
    private List<ReceiptConsumer> consumers;

    protected ReferenceData reference;
    protected OrderJourneys journeys;

    @BeforeEach
    void journeysReady() {
        reference = new ReferenceData(operator());
        journeys = new OrderJourneys(http, operator(), db, consumers);
    }
}
