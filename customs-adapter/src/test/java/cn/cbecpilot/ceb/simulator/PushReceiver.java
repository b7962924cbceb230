package cn.cbecpilot.ceb.simulator;

import cn.cbecpilot.ceb.gateway.ReceiptIntake;
import cn.cbecpilot.ceb.message.Receipt;
import cn.cbecpilot.ceb.xml.CebXmlException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/**
 * A stand-in for the platform's {@code POST /customs/receipts} on 127.0.0.1: checks the bearer token,
 * answers 400 for what {@link ReceiptIntake} cannot read, and 202 once the receipts are handled.
 */
final class PushReceiver implements AutoCloseable {

    static final String TOKEN = "test-customs-token";

    final List<Receipt> receipts = new CopyOnWriteArrayList<>();
    final List<Integer> answers = new CopyOnWriteArrayList<>();
    private final ReceiptIntake intake = new ReceiptIntake(r -> Mono.fromRunnable(() -> receipts.add(r)));
    private final HttpServer server;

    PushReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/customs/receipts", this::receive);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/customs/receipts");
    }

    private void receive(HttpExchange exchange) throws IOException {
        int status;
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            status = 401;
        } else {
            try {
                List<Receipt> parsed = intake.parse(exchange.getRequestBody().readAllBytes());
                intake.handle(parsed).then().toFuture().join();
                status = 202;
            } catch (CebXmlException e) {
                status = 400;
            }
        }
        answers.add(status);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
