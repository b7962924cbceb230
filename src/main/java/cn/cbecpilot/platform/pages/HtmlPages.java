package cn.cbecpilot.platform.pages;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page controller that lives beside its capability (trace, recall, export returns, audit) rather than in the
 * storefront or console packages, so that it gets the pages' model (CSRF token, zone) and HTML error pages while the
 * capability's JSON controllers keep problem+json.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface HtmlPages {}
