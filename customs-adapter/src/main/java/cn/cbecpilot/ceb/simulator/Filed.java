package cn.cbecpilot.ceb.simulator;

import cn.cbecpilot.ceb.message.MessageType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulated customs has on file: the partners' documents for the tri-data match, and the
 * numbers it assigned to each list. Bounded, oldest forgotten first, so a long demo run stays small.
 */
final class Filed {

    private static final int CAPACITY = 50_000;

    private final Map<String, Received> documents = bounded();
    private final Map<String, String> numbers = bounded();
    /** Per buyer ID and year, the value of each list released or on its way to release, by copNo. */
    private final Map<String, Map<String, BigDecimal>> annual = bounded();

    private final AtomicLong serial = new AtomicLong();

    synchronized void file(Received document) {
        documents.put(document.type() + ":" + document.key(), document);
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
