package cn.cbecpilot.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * What the audit trail must not keep: secrets (passwords, tokens, keys) and personal data (ID numbers, phones,
 * addresses) are replaced by {@code ***} wherever they appear in a JSON or form body.
 */
@Component
class Redaction {

    private static final Pattern SECRET =
            Pattern.compile("(?i).*(password|secret|token|key|idnumber|phone|address|_csrf).*");
    private static final String HIDDEN = "***";

    private final ObjectMapper json;

    Redaction(ObjectMapper json) {
        this.json = json;
    }

    String json(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            JsonNode tree = json.readTree(body);
            redact(tree);
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException notJson) {
            return "{\"unreadable\":true}";
        }
    }

    String form(MultiValueMap<String, String> form) {
        Map<String, Object> kept = new LinkedHashMap<>();
        form.forEach((name, values) -> kept.put(name, SECRET.matcher(name).matches() ? HIDDEN : values));
        try {
            return json.writeValueAsString(kept);
        } catch (JsonProcessingException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    private static void redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                var field = it.next();
                if (SECRET.matcher(field.getKey()).matches()
                        && !field.getValue().isContainerNode()) {
                    field.setValue(object.textNode(HIDDEN));
                } else {
                    redact(field.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(Redaction::redact);
        }
    }
}
