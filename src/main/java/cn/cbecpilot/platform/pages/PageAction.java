package cn.cbecpilot.platform.pages;

/**
 * A button on an order page: its label's message key, and where it goes. {@code post} actions are sent as a form with
 * the CSRF token; the others are links to a page of their own (a payment form, say).
 */
public record PageAction(String labelKey, String href, boolean post, boolean primary) {

    public static PageAction link(String labelKey, String href) {
        return new PageAction(labelKey, href, false, true);
    }

    public static PageAction form(String labelKey, String href) {
        return new PageAction(labelKey, href, true, false);
    }
}
