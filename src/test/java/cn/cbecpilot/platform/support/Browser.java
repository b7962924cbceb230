package cn.cbecpilot.platform.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver, one browser per test class, a clean session (no
 * cookies) per test, and a screenshot under target/app/browser-screenshots when a test fails. Nothing is downloaded:
 * the browser and driver come from the system packages, and the browser is started with every network feature off.
 */
public final class Browser
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterTestExecutionCallback {

    static final Path SCREENSHOTS = Path.of("..", "target", "app", "browser-screenshots");

    private ChromeDriver driver;
    private Path profile;

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                // a renderer the scheduler deprioritises on a busy machine misses the driver's deadlines
                "--disable-renderer-backgrounding",
                "--disable-background-timer-throttling",
                "--disable-backgrounding-occluded-windows",
                "--window-size=1280,900",
                "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath());
        // the page language follows Accept-Language, which headless Chromium takes from this preference
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        // two cores shared by the platform, PostgreSQL, the test JVM and Chromium: a page may take a while
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        driver.manage().deleteAllCookies();
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        Files.createDirectories(SCREENSHOTS);
        Path shot = SCREENSHOTS.resolve(context.getRequiredTestClass().getSimpleName() + "-"
                + context.getRequiredTestMethod().getName() + ".png");
        Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
        Files.writeString(shot.resolveSibling(shot.getFileName() + ".html"), driver.getPageSource());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(File::delete);
            }
        }
    }

    /** Phone-sized viewport (CSS pixels), as a phone's browser reports it, until the next test. */
    public void phoneWidth(int width, int height) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
    }

    private static String binary() {
        for (String candidate : new String[] {"/usr/lib/chromium/chromium", "/usr/bin/chromium"}) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        throw new IllegalStateException("Chromium is not installed: apt-get install chromium chromium-driver");
    }
}
