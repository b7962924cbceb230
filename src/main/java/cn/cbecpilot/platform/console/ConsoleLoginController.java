package cn.cbecpilot.platform.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's sign-in page; Spring Security's form login takes the POST to the same address and comes back here
 * with {@code ?error} after a wrong password, {@code ?logout} after signing out, {@code ?blocked} while the account is
 * throttled after too many failures.
 */
@Controller
class ConsoleLoginController {

    @GetMapping("/console/login")
    String login(@RequestParam MultiValueMap<String, String> query, Model model) {
        // present without a value: ?error, not ?error=1
        model.addAttribute("failed", query.containsKey("error"));
        model.addAttribute("loggedOut", query.containsKey("logout"));
        model.addAttribute("blocked", query.containsKey("blocked"));
        return "console/login";
    }
}
