package cn.cbecpilot.platform.compliance;

import cn.cbecpilot.platform.catalog.PositiveListEdition;
import cn.cbecpilot.platform.enterprise.Enterprise;
import cn.cbecpilot.platform.shared.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Everything the rules of an order placement look at.
 *
 * @param platform the platform enterprise taking the order, null when not registered
 * @param edition the positive-list edition in force on the order date, null when none is
 * @param buyerYearToDate what the buyer's ID has used of the annual limit this calendar year
 */
public record OrderCheck(
        LocalDate orderDate,
        Enterprise platform,
        Set<String> pilotRegions,
        Buyer buyer,
        List<CheckedLine> lines,
        PositiveListEdition edition,
        Money buyerYearToDate,
        Pricing pricing) {

    public OrderCheck {
        pilotRegions = Set.copyOf(pilotRegions);
        lines = List.copyOf(lines);
    }

    public List<CheckedLine> knownLines() {
        return lines.stream().filter(l -> l.product() != null).toList();
    }
}
