package cn.cbecpilot.ceb.simulator;

import static cn.cbecpilot.ceb.simulator.Step.ACCEPTED;
import static cn.cbecpilot.ceb.simulator.Step.RELEASED;

import cn.cbecpilot.ceb.message.MessageType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which receipts a request earns, by its type, the scenario, and any rejection the checks found. */
final class Verdicts {

    static final Map<MessageType, MessageType> RECEIPT_OF = Map.of(
            MessageType.CEB311, MessageType.CEB312,
            MessageType.CEB411, MessageType.CEB412,
            MessageType.CEB511, MessageType.CEB512,
            MessageType.CEB621, MessageType.CEB622,
            MessageType.CEB623, MessageType.CEB624,
            MessageType.CEB625, MessageType.CEB626,
            MessageType.CEB213, MessageType.CEB214,
            MessageType.CEB215, MessageType.CEB216);

    private Verdicts() {}

    static List<Step> steps(MessageType request, Scenario scenario, Optional<String> rejection) {
        MessageType receipt = RECEIPT_OF.get(request);
        if (rejection.isPresent()) {
            return List.of(Step.of(receipt, "100", rejection.get()));
        }
        if (scenario == Scenario.REJECT) {
            return List.of(Step.of(receipt, "100", rejectionFor(request)));
        }
        return switch (request) {
            case CEB621 -> inventory(scenario);
            case CEB623 -> List.of(Step.of(receipt, "399", "[Code:2300;Desc:审核通过]清单已成功撤单"));
            case CEB625 -> List.of(Step.of(receipt, "399", "[Code:2300;Desc:审核通过]退货申请已通过"));
            case CEB213 -> exportReturn(scenario);
            case CEB215 ->
                List.of(
                        Step.of(MessageType.CEB216, "399", "[Code:2300;Desc:理货审结]"),
                        Step.of(MessageType.CEB214, "800", RELEASED));
            default -> List.of(Step.of(receipt, "120", ACCEPTED));
        };
    }

    private static List<Step> inventory(Scenario scenario) {
        Step accepted = Step.of(MessageType.CEB622, "120", ACCEPTED);
        Step released = Step.of(MessageType.CEB622, "800", RELEASED);
        // customs issues the electronic tax bill of a list once it is released
        Step taxBill = Step.of(MessageType.CEB816, "1", "电子税单已生成");
        return switch (scenario) {
            case INSPECT_RELEASE ->
                List.of(accepted, Step.of(MessageType.CEB622, "500", "[Code:2500;Desc:查验]"), released, taxBill);
            case HOLD -> List.of(accepted, Step.of(MessageType.CEB622, "501", "[Code:2510;Desc:扣留移送通关]"));
            case MANUAL_REVIEW -> List.of(accepted, Step.of(MessageType.CEB622, "300", "[Code:1200;Desc:待人工审核]"));
            default -> List.of(accepted, released, taxBill);
        };
    }

    private static List<Step> exportReturn(Scenario scenario) {
        return switch (scenario) {
            case INSPECT_RELEASE -> List.of(Step.of(MessageType.CEB214, "500", "[Code:2500;Desc:查验]"));
            case HOLD -> List.of(Step.of(MessageType.CEB214, "600", "[Code:2700;Desc:挂起]"));
            case MANUAL_REVIEW -> List.of(Step.of(MessageType.CEB214, "300", "[Code:1200;Desc:待人工审核]"));
            default -> List.of(Step.of(MessageType.CEB214, "120", ACCEPTED));
        };
    }

    private static String rejectionFor(MessageType request) {
        return switch (request) {
            case CEB623 -> "[Code:-623005;Desc:清单状态不允许撤单]";
            case CEB625 -> "[Code:-625209;Desc:退货商品在原清单中不存在]";
            default -> "[Code:1300;Desc:订购人身份信息校验未通过]";
        };
    }
}
