package cn.cbecpilot.ceb.simulator;

import cn.cbecpilot.ceb.message.MessageType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulated customs has on file: of the partners' documents, what the tri-data match and the export-return
 * receipts read later, and the numbers it assigned to each list. Bounded, oldest forgotten first, so a long demo run
 * stays small: the simulator runs inside the platform's JVM by default, and a document kept whole (a list's head
 * holds some forty fields) costs kilobytes of that heap where the few fields read later cost a few hundred bytes.
 */
final class Filed {

    private static final int CAPACITY = 50_000;

    /** Of the head and of each line, the fields read from a document on file; documents of other types are not kept. */
    private record Kept(Set<String> head, Set<String> line) {}

    private static final Map<MessageType, Kept> KEPT = Map.of(
            // Inspection.againstOrder and againstPayment
            MessageType.CEB311,
                    new Kept(
                            Set.of("buyerIdNumber", "buyerName", "buyerTelephone", "acturalPaid"),
                            Set.of("totalPrice")),
            MessageType.CEB411, new Kept(Set.of("payerIdNumber", "payerName", "amountPaid"), Set.of()),
            // Inspection.triData
            MessageType.CEB511, new Kept(Set.of("logisticsNo"), Set.of()),
            // ReceiptFactory.exportReturn: the tally's receipt carries the return's parties and list number
            MessageType.CEB213, new Kept(Set.of("ebpCode", "ebcCode", "agentCode", "invtNo"), Set.of()));

    private final Map<String, Received> documents = bounded();
    private final Map<String, String> numbers = bounded();
    /** Per buyer ID and year, the value of each list released or on its way to release, by copNo. */
    private final Map<String, Map<String, BigDecimal>> annual = bounded();

    private final AtomicLong serial = new AtomicLong();

    /** Keeps what is read later of the document, under its type and key; a document of another type is not kept. */
    void file(Received document) {
        Kept kept = KEPT.get(document.type());
        if (kept == null) {
            return;
        }
        Received trimmed = new Received(
                document.type(),
                document.senderId(),
                only(document.head(), kept.head()),
                document.lines().stream().map(l -> only(l, kept.line())).toList());
        synchronized (this) {
            documents.put(document.type() + ":" + document.key(), trimmed);
        }
    }

    private static Map<String, String> only(Map<String, String> fields, Set<String> names) {
        Map<String, String> kept = new HashMap<>(names.size() * 2);
        fields.forEach((name, value) -> {
            if (names.contains(name)) {
                kept.put(name, value);
            }
        });
        return Map.copyOf(kept);
    }

    synchronized Optional<Received> find(MessageType type, String key) {
        return Optional.ofNullable(documents.get(type + ":" + key));
    }

    /**
     * Charges the list's value to the buyer's year when it fits under the limit, as customs' personal quota does,
     * and answers the total it would have reached otherwise. A list declared again (same copNo) replaces its charge.
     */
    synchronized Optional<BigDecimal> chargeWithin(
            String buyerIdNumber, int year, String copNo, BigDecimal value, BigDecimal limit) {
        Map<String, BigDecimal> lists = annual.computeIfAbsent(buyerIdNumber + ":" + year, k -> new HashMap<>());
        BigDecimal others = lists.entrySet().stream()
                .filter(e -> !e.getKey().equals(copNo))
                .map(Map.Entry::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = others.add(value);
        if (total.compareTo(limit) > 0) {
            return Optional.of(total);
        }
        lists.put(copNo, value);
        return Optional.empty();
    }

    /** Gives a list's value back to its buyer's year: the list was rejected, cancelled or its goods returned. */
    synchronized void credit(String copNo) {
        annual.values().forEach(lists -> lists.remove(copNo));
    }

    /** The e-port's pre-entry number for a copNo: B, the date and nine digits (18 characters). */
    synchronized String preNo(String copNo, LocalDate today) {
        return numbers.computeIfAbsent(
                "pre:" + copNo,
                k -> "B" + today.toString().replace("-", "") + String.format("%09d", serial.incrementAndGet()));
    }

    /** The customs list number: customs code, year, I and nine digits (18 characters). */
    synchronized String invtNo(String copNo, String customsCode, LocalDate today) {
        return numbers.computeIfAbsent(
                "invt:" + copNo,
                k -> customsCode + today.getYear() + "I" + String.format("%09d", serial.incrementAndGet()));
    }

    /** The tax bill number of a list: T, the date and nine digits. */
    synchronized String taxNo(String copNo, LocalDate today) {
        return numbers.computeIfAbsent(
                "tax:" + copNo,
                k -> "T" + today.toString().replace("-", "") + String.format("%09d", serial.incrementAndGet()));
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > CAPACITY;
            }
        };
    }
}
