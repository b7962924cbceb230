package cn.cbecpilot.platform.catalog;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** An edition of the CBEC retail import positive list, in force from its effective date until the next edition. */
public final class PositiveListEdition {

    private final String edition;
    private final LocalDate effectiveFrom;
    private final List<PositiveListLine> lines;
    private final Map<String, PositiveListLine> byTariffLine = new LinkedHashMap<>();

    public PositiveListEdition(String edition, LocalDate effectiveFrom, List<PositiveListLine> lines) {
        this.edition = Objects.requireNonNull(edition, "edition");
        this.effectiveFrom = Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        this.lines = List.copyOf(lines);
        this.lines.forEach(line -> byTariffLine.putIfAbsent(line.tariffLine(), line));
    }

    public String edition() {
        return edition;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public List<PositiveListLine> lines() {
        return lines;
    }

    /** The row whose 8-digit tariff line starts the given 10-digit gcode. */
    public Optional<PositiveListLine> lineFor(String gcode) {
        if (gcode == null || gcode.length() < 8) {
            return Optional.empty();
        }
        return Optional.ofNullable(byTariffLine.get(gcode.substring(0, 8)));
    }
}
