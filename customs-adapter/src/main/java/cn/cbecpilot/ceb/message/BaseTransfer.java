package cn.cbecpilot.ceb.message;

import java.util.Objects;

/**
 * The sending enterprise as connected to the e-port ({@code BaseTransfer}, in every request). Components follow the schema's order;
 * optional ones ({@code note}) may be null.
 */
public record BaseTransfer(String copCode, String copName, String dxpMode, String dxpId, String note) {

    public BaseTransfer {
        Objects.requireNonNull(copCode, "copCode");
        Objects.requireNonNull(copName, "copName");
        Objects.requireNonNull(dxpMode, "dxpMode");
        Objects.requireNonNull(dxpId, "dxpId");
    }

    void write(XmlOut out) {
        out.add("copCode", copCode);
        out.add("copName", copName);
        out.add("dxpMode", dxpMode);
        out.add("dxpId", dxpId);
        out.add("note", note);
    }
}
