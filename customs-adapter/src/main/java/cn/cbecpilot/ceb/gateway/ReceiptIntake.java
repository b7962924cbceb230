package cn.cbecpilot.ceb.gateway;

import cn.cbecpilot.ceb.dxp.DxpEnvelope;
import cn.cbecpilot.ceb.message.Receipt;
import cn.cbecpilot.ceb.message.ReceiptReader;
import cn.cbecpilot.ceb.transport.InboundHandler;
import cn.cbecpilot.ceb.transport.InboundMessageRejectedException;
import cn.cbecpilot.ceb.xml.CebXmlException;
import cn.cbecpilot.ceb.xml.XmlLimits;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The inbound port: raw bytes from any source (a pushed body, a polled message, an inbox file) — a
 * DxpMsg envelope or a bare receipt message — become receipts handed to the {@link ReceiptHandler},
 * those of one declaration one after the other in document order. Thread-safe.
 */
public final class ReceiptIntake {

    private final DxpEnvelope envelope;
    private final ReceiptReader reader;
    private final ReceiptHandler handler;

    public ReceiptIntake(ReceiptHandler handler) {
        this(handler, XmlLimits.DEFAULT);
    }

    public ReceiptIntake(ReceiptHandler handler, XmlLimits limits) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.envelope = new DxpEnvelope(limits);
        this.reader = new ReceiptReader(limits);
    }

    /**
     * Parses without handling, so a push endpoint can answer 400 before it accepts anything.
     *
     * @throws CebXmlException for unsafe, malformed or unsupported input
     */
    public List<Receipt> parse(byte[] raw) {
        DxpEnvelope.Unwrapped unwrapped = envelope.unwrap(raw);
        return reader.read(unwrapped.document(), unwrapped.message());
    }

    /** Parses and hands every receipt to the handler; emits them once handled. Parse errors as {@link CebXmlException}. */
    public Flux<Receipt> accept(byte[] raw) {
        return Mono.fromCallable(() -> parse(raw)).flatMapMany(this::handle);
    }

    /**
     * Hands receipts parsed earlier (by {@link #parse}) to the handler, all of one message at once ({@link
     * ReceiptHandler#handleAll}: those of one declaration in document order). Emits each once handled.
     */
    public Flux<Receipt> handle(List<Receipt> receipts) {
        return handler.handleAll(receipts);
    }

    /**
     * For {@link cn.cbecpilot.ceb.transport.FileDropInbox} and {@link
     * cn.cbecpilot.ceb.transport.HttpReceiptPoller}: input that can never be read is rejected for good
     * (set aside, acknowledged), while a handler failure leaves the message to come again.
     */
    public InboundHandler asInboundHandler() {
        return message -> accept(message.payload())
                .onErrorMap(CebXmlException.class, e -> new InboundMessageRejectedException(e.getMessage(), e))
                .then();
    }
}
