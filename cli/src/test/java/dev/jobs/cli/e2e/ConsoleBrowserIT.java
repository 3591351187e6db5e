package dev.jobs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code jobs console} in a real browser: headless Chromium, driven by Selenium, on the console of
 * a local runtime of the test's own with real jobs. The jobs page filters FAILED, a running job's
 * page follows its progress and log and Cancel stops it, a failed group is re-driven, the health
 * charts draw, a job's {@code <script>} parameter is text, and the browser logs no error.
 *
 * <p>Debian's {@code chromium} and {@code chromium-driver} are named by path, so Selenium Manager
 * never looks for a browser on the network; without them the test is skipped, and under {@code
 * CI=true} it fails. With {@code -Dconsole.screenshots=DIR} it also writes one PNG per page, 1280
 * px wide, into DIR (docs/console.md has the command that refreshes docs/images/).
 */
class ConsoleBrowserIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String SCREENSHOTS = "console.screenshots";
  static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path home;
  ConsoleSession console;
  ChromeDriver browser;

  @BeforeEach
  void startRuntimeConsoleAndBrowser() throws Exception {
    requireChromium();
    console = ConsoleSession.start(home);

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1000",
        "--user-data-dir=" + home.resolve("chromium"));
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(WAIT);
  }

  @AfterEach
  void stopBrowserConsoleAndRuntime() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (console != null) {
      console.close();
    }
  }

  @Test
  void anOperatorInTheBrowser_filtersFailures_followsAndCancelsAJob_reDrivesAGroup_seesCharts()
      throws Exception {
    console.submitFailedJobs();
    assertThat(console.bash("jobs submit --seconds 2 --id quick --wait").exitCode()).isZero();
    String running = console.bash("jobs submit --seconds 120").out().strip();

    // The printed URL: its token becomes the cookie, and the jobs page follows.
    browser.get(console.url());
    awaitText("h1", "Jobs");
    new Select(browser.findElement(By.name("status"))).selectByVisibleText("FAILED");
    browser.findElement(By.cssSelector("form.filters button")).click();
    awaitText("#live", "flaky-a");
    String failed = text("#live");
    assertThat(failed).contains("flaky-a", "flaky-b", "script-job").doesNotContain(running);
    assertThat(browser.getCurrentUrl()).contains("status=FAILED");
    screenshot("jobs");

    // The <script> parameter is text on the page, and no alert opened.
    browser.get(console.base() + "/jobs/script-job");
    assertThat(text("main")).contains("<script>alert(1)</script>");

    // A running job's page: its progress advances as the page reloads its live part, its log shows.
    console.awaitStatus(running, "RUNNING");
    browser.get(console.base() + "/jobs/" + running);
    long first = progress();
    new WebDriverWait(browser, WAIT).until(b -> progress() >= first + 2);
    new WebDriverWait(browser, WAIT)
        .until(b -> !b.findElements(By.cssSelector("table.log tbody tr")).isEmpty());
    screenshot("job");
    confirmed(By.xpath("//form[contains(@action,'/cancel')]//button"), "Cancel job " + running);
    awaitText("main", "Cancel requested");
    console.awaitStatus(running, "CANCELLED");
    browser.navigate().refresh();
    awaitText("main", "CANCELLED");

    // The failures page: the flaky group's preview, then its re-drive.
    browser.get(console.base() + "/failures?window=1h");
    screenshot("failures");
    browser
        .findElement(
            By.xpath(
                "//tr[td[1]='flaky' and td[@title='dev.jobs.kind.JobFailedException']]"
                    + "//a[contains(@href,'/failures/preview')]"))
        .click();
    awaitText("#live", "Would re-drive 2 jobs");
    confirmed(By.xpath("//button[starts-with(.,'Re-drive these')]"), "Re-drive 2 jobs?");
    awaitText("main", "re-driven 2");
    console.awaitStatus("flaky-a", "SUCCEEDED");
    console.awaitStatus("flaky-b", "SUCCEEDED");
    browser.get(console.base() + "/jobs/flaky-a");
    awaitText("main", "SUCCEEDED");

    // The health charts: uPlot draws both into canvases with pixels on them.
    browser.get(console.base() + "/health?window=1h");
    new WebDriverWait(browser, WAIT)
        .until(b -> b.findElements(By.cssSelector(".uplot canvas")).size() == 2);
    for (WebElement canvas : browser.findElements(By.cssSelector(".uplot canvas"))) {
      assertThat(painted(canvas)).as("pixels drawn on a chart").isGreaterThan(500);
    }
    assertThat(text("main")).contains("keeps no alarms");
    screenshot("health");

    List<LogEntry> errors =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
            .toList();
    assertThat(errors).as("the browser's console errors").isEmpty();
  }

  /**
   * Clicks a button whose form asks first, and answers yes: the page's {@code window.confirm} is
   * replaced by one that notes the question in the tab's session storage (it outlives the POST's
   * navigation), which the test then reads. Chromium's own dialog is its business, not the page's.
   */
  private void confirmed(By button, String question) {
    JavascriptExecutor page = (JavascriptExecutor) browser;
    page.executeScript(
        "window.sessionStorage.removeItem('asked'); window.confirm = function (q) {"
            + " window.sessionStorage.setItem('asked', q); return true; };");
    browser.findElement(button).click();
    new WebDriverWait(browser, WAIT)
        .withMessage(() -> "no confirmation asked: " + browser.getPageSource())
        // A script may run while the POST navigates away: asked again on the next page.
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(b -> page.executeScript("return window.sessionStorage.getItem('asked');"));
    assertThat((String) page.executeScript("return window.sessionStorage.getItem('asked');"))
        .startsWith(question);
  }

  /** Skips without Debian's chromium and its driver; under CI=true their absence fails. */
  private static void requireChromium() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      return;
    }
    String missing = "needs chromium and chromium-driver: apt-get install chromium chromium-driver";
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(missing + " (CI=true runs every test)");
    }
    Assumptions.abort(missing);
  }

  /** The number of pixels not fully transparent on a canvas. */
  private long painted(WebElement canvas) {
    Object count =
        ((JavascriptExecutor) browser)
            .executeScript(
                "var c = arguments[0], d = c.getContext('2d').getImageData(0, 0, c.width,"
                    + " c.height).data, n = 0; for (var i = 3; i < d.length; i += 4) { if (d[i]"
                    + " > 0) n++; } return n;",
                canvas);
    return ((Number) count).longValue();
  }

  /** The value of the job page's progress bar. */
  private long progress() {
    List<WebElement> bars = browser.findElements(By.cssSelector("p.progress progress"));
    if (bars.isEmpty()) {
      return -1;
    }
    return Math.round(Double.parseDouble(bars.get(0).getAttribute("value")));
  }

  /**
   * The text of the first element {@code css} selects. The live region is replaced as the page
   * refreshes it: an element found a moment before may be gone when its text is read, so that is
   * tried again on the new one.
   */
  private String text(String css) {
    return new WebDriverWait(browser, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(b -> b.findElement(By.cssSelector(css)).getText());
  }

  private void awaitText(String css, String text) {
    new WebDriverWait(browser, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .withMessage(() -> "no '" + text + "' in " + css + " of " + browser.getPageSource())
        .until(
            b -> {
              List<WebElement> found = b.findElements(By.cssSelector(css));
              return !found.isEmpty() && found.get(0).getText().contains(text);
            });
  }

  /** With {@code -Dconsole.screenshots=DIR}: the page as PNG, {@code console-NAME.png}. */
  private void screenshot(String name) throws IOException {
    String directory = System.getProperty(SCREENSHOTS);
    if (directory == null || directory.isBlank()) {
      return;
    }
    Path images = Files.createDirectories(Path.of(directory));
    Path target = images.resolve("console-" + name + ".png");
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
