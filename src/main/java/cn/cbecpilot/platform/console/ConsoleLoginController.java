package cn.cbecpilot.platform.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's sign-in page; Spring Security's form login takes the POST to the same address. */
@Controller
class ConsoleLoginController {

    @GetMapping("/console/login")
    String login() {
        return "console/login";
    }
}
