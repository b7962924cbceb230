package cn.cbecpilot.platform.pages;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The language of a page: {@code ?lang=} when given (and remembered in a cookie, so that the next page keeps it), else
 * the remembered choice, else the browser's Accept-Language; Simplified Chinese unless English is asked for.
 */
final class LanguageChoice implements LocaleContextResolver {

    static final String PARAMETER = "lang";
    static final String COOKIE = "lang";

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        Locale chosen = supported(exchange.getRequest().getQueryParams().getFirst(PARAMETER));
        if (chosen != null) {
            remember(exchange.getResponse(), chosen);
            return new SimpleLocaleContext(chosen);
        }
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        Locale remembered = cookie == null ? null : supported(cookie.getValue());
        if (remembered != null) {
            return new SimpleLocaleContext(remembered);
        }
        return new SimpleLocaleContext(fromBrowser(exchange));
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext context) {
        if (context != null && context.getLocale() != null) {
            remember(exchange.getResponse(), context.getLocale());
        }
    }

    private static Locale fromBrowser(ServerWebExchange exchange) {
        List<Locale> accepted;
        try {
            accepted = exchange.getRequest().getHeaders().getAcceptLanguageAsLocales();
        } catch (IllegalArgumentException malformed) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        for (Locale locale : accepted) {
            Locale supported = supported(locale.getLanguage());
            if (supported != null) {
                return supported;
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    static Locale supported(String tag) {
        if (tag == null) {
            return null;
        }
        String language = tag.strip().toLowerCase(Locale.ROOT);
        if (language.startsWith("en")) {
            return Locale.ENGLISH;
        }
        return language.startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : null;
    }

    private static void remember(ServerHttpResponse response, Locale locale) {
        if (response.isCommitted()) {
            return;
        }
        response.getCookies()
                .set(
                        COOKIE,
                        ResponseCookie.from(COOKIE, locale.toLanguageTag())
                                .path("/")
                                .httpOnly(true)
                                .sameSite("Lax")
                                .maxAge(Duration.ofDays(365))
                                .build());
    }
}
