package cn.cbecpilot.platform.recall;

/** The text a buyer receives about a recall: the order, the product and what to do, and nothing personal. */
final class RecallNoticeText {

    private RecallNoticeText() {}

    static String of(AffectedOrder order, String productName, String recallNo, String reason) {
        String head = "【跨境医药召回 " + recallNo + "】您的订单" + order.orderNo() + "中的“" + productName + "”";
        String tail = order.kind() == AffectedOrder.Kind.HOLDS_UNITS
                ? "正在召回（" + reason + "）。请立即停止使用，我们将联系您免费退回。"
                : "所在库存正在召回（" + reason + "）。召回批次不会发货，订单可能延迟或取消，款项将全额退还。";
        String text = head + tail;
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
