package cn.cbecpilot.platform.support;

import cn.cbecpilot.platform.compliance.ResidentIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds order requests as the storefront sends them: {@code anOrderRequest().line("SKU", 2).buyer(42).body()}. */
public final class OrderRequests {

    private final List<Map<String, Object>> lines = new ArrayList<>();
    private final Map<String, Object> buyer = new LinkedHashMap<>();
    private final Map<String, Object> consignee = new LinkedHashMap<>();
    private String platformCode;

    private OrderRequests() {
        buyer(1);
        consignee.put("name", "张三");
        consignee.put("phone", "13812345678");
        consignee.put("address", "北京市朝阳区建国路88号SOHO现代城");
    }

    public static OrderRequests anOrderRequest() {
        return new OrderRequests();
    }

    public OrderRequests line(String sku, int quantity) {
        lines.add(Map.of("sku", sku, "quantity", quantity));
        return this;
    }

    public OrderRequests buyer(long n) {
        return buyer("张三", ResidentIds.unique(n), "13812345678");
    }

    public OrderRequests buyer(String name, String idNumber, String phone) {
        buyer.clear();
        if (name != null) {
            buyer.put("name", name);
        }
        if (idNumber != null) {
            buyer.put("idNumber", idNumber);
        }
        if (phone != null) {
            buyer.put("phone", phone);
        }
        return this;
    }

    public OrderRequests platform(String code) {
        this.platformCode = code;
        return this;
    }

    public String idNumber() {
        return (String) buyer.get("idNumber");
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (platformCode != null) {
            body.put("platformCode", platformCode);
        }
        body.put("lines", lines);
        body.put("buyer", buyer);
        body.put("consignee", consignee);
        return body;
    }
}
