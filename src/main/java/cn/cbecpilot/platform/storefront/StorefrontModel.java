package cn.cbecpilot.platform.storefront;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.WebSession;

/** What the storefront's layout shows on every page: how many units are in the cart. */
@ControllerAdvice(basePackageClasses = StorefrontModel.class)
class StorefrontModel {

    @ModelAttribute("cartUnits")
    int cartUnits(WebSession session) {
        return Cart.of(session).units();
    }
}
