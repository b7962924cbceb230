package cn.cbecpilot.ceb.simulator;

import cn.cbecpilot.ceb.transport.HttpReceiptPoller;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WireMock extension behind the simulator's stubs: message submission (POST), and the receipt
 * queue of {@link HttpReceiptPoller}'s protocol (GET the next, DELETE to acknowledge).
 */
final class SingleWindowTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "single-window";
    private static final Logger log = LoggerFactory.getLogger(SingleWindowTransformer.class);

    private final Submissions submissions;
    private final ReceiptQueue queue;
    private final SimulatorSettings settings;

    SingleWindowTransformer(Submissions submissions, ReceiptQueue queue, SimulatorSettings settings) {
        this.submissions = submissions;
        this.queue = queue;
        this.settings = settings;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        if (request.getMethod().equals(RequestMethod.POST)) {
            return submit(request.getBody());
        }
        if (request.getMethod().equals(RequestMethod.GET)) {
            return next();
        }
        String path = request.getUrl();
        String id = path.substring(path.lastIndexOf('/') + 1);
        return text(queue.acknowledge(id) ? 200 : 404, "");
    }

    private ResponseDefinition submit(byte[] body) {
        Submissions.Answer answer;
        try {
            answer = submissions.take(body);
        } catch (RuntimeException e) {
            // A simulator bug must look like a server fault to the caller, never like a refusal of its message.
            log.error("simulator failed on a submission", e);
            return text(500, "simulator fault: " + e);
        }
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
                .withStatus(answer.status())
                .withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody(answer.body());
        if (answer.scenario() == Scenario.SLOW && answer.status() == 200) {
            response = response.withFixedDelay((int) settings.slowAnswer().toMillis());
        }
        return response.build();
    }

    private ResponseDefinition next() {
        return queue.lease()
                .map(entry -> ResponseDefinitionBuilder.responseDefinition()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/xml")
                        .withHeader(HttpReceiptPoller.MESSAGE_ID_HEADER, entry.id())
                        .withBody(entry.body())
                        .build())
                .orElseGet(() -> text(204, ""));
    }

    private static ResponseDefinition text(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withBody(body)
                .build();
    }
}
