package com.snapdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}), driven by Selenium with
 * both paths given explicitly, so Selenium Manager never looks for or downloads a browser or driver. Each
 * instance has its own fresh profile. Screenshots are full-page PNGs under {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of(System.getProperty("snapdesk.test.chromium", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER =
      Path.of(System.getProperty("snapdesk.test.chromedriver", "/usr/bin/chromedriver"));
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  public static final int PHONE_WIDTH = 390;
  public static final int DESKTOP_WIDTH = 1280;

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Skips the calling test class, with the reason, on a machine without Debian's Chromium and driver: a
   * newcomer's `./mvnw verify` still passes; CI installs both, so the browser tests always run there.
   */
  public static void assumeInstalled() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
            + "); .ci/run installs them");
  }

  public static Browser start() {
    return start(true);
  }

  /** @param javascript false to see the pages as a browser without JavaScript does */
  public static Browser start(boolean javascript) {
    try {
      Path profile = Files.createTempDirectory("snapdesk-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--lang=en-US",
          "--window-size=" + DESKTOP_WIDTH + ",900", "--hide-scrollbars");
      Map<String, Object> prefs = new HashMap<>();
      prefs.put("intl.accept_languages", "en-US");
      if (!javascript) prefs.put("profile.managed_default_content_settings.javascript", 2);
      options.setExperimentalOption("prefs", prefs);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER.toFile())
          .usingAnyFreePort()
          .build();
      return new Browser(new ChromeDriver(service, options), profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  public WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  public String text(String css) {
    return find(css).getText();
  }

  public String pageText() {
    return find("body").getText();
  }

  @SuppressWarnings("unchecked")
  public <T> T script(String script, Object... args) {
    return (T) ((JavascriptExecutor) driver).executeScript(script, args);
  }

  public <T> T await(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition);
  }

  /**
   * Waits until {@code element} has left the document, as after a form's submission replaced the page. Chromium
   * sometimes answers an element of the page being replaced with "does not belong to the document" instead of a stale
   * reference, which Selenium's {@code stalenessOf} takes for an error.
   */
  public void awaitGone(WebElement element) {
    await(d -> {
      try {
        element.isEnabled();
        return false;
      } catch (StaleElementReferenceException gone) {
        return true;
      } catch (WebDriverException replaced) {
        if (String.valueOf(replaced.getMessage()).contains("does not belong to the document")) return true;
        throw replaced;
      }
    });
  }

  /** Waits until the page and its assets have loaded. */
  public void awaitLoaded() {
    await(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /** The element the keyboard is on. */
  public WebElement focused() {
    return driver.switchTo().activeElement();
  }

  /** Chrome DevTools commands through chromedriver (no DevTools version bindings needed). */
  public Map<String, Object> cdp(String command, Map<String, Object> parameters) {
    return driver.executeCdpCommand(command, parameters);
  }

  /** Lays the page out like a 390 px wide phone (touch, mobile viewport rules). */
  public void phone() {
    cdp("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH, "height", 844,
        "deviceScaleFactor", 1, "mobile", true));
  }

  public void desktop() {
    cdp("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  public void timeZone(String zoneId) {
    cdp("Emulation.setTimezoneOverride", Map.of("timezoneId", zoneId));
  }

  /** Whether the page is wider than the viewport (a horizontal scrollbar on a phone). */
  public boolean overflowsHorizontally() {
    Boolean overflows = script(
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;");
    return Boolean.TRUE.equals(overflows);
  }

  /** Saves the whole page, not just the viewport, as {@code target/screenshots/<name>.png}. */
  public Path screenshot(String name) {
    awaitLoaded();
    try {
      Files.createDirectories(SCREENSHOTS);
      Map<String, Object> metrics = cdp("Page.getLayoutMetrics", Map.of());
      @SuppressWarnings("unchecked")
      Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
      double width = ((Number) size.get("width")).doubleValue();
      double height = ((Number) size.get("height")).doubleValue();
      Map<String, Object> shot = cdp("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
          "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a leftover temp profile is harmless
    }
  }
}
