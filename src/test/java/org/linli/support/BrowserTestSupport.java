package org.linli.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The machine's headless Chromium (Debian's chromium and chromium-driver, never a downloaded
 * browser) for a browser test class: skipped without it unless {@code -Dlinli.test.browser=required}.
 * Screenshots land in target/screenshots.
 */
@org.junit.jupiter.api.Tag("browser")
public abstract class BrowserTestSupport {

  protected static final Path SHOTS = Path.of("target", "screenshots");
  protected static WebDriver browser;

  @LocalServerPort protected int port;

  @BeforeAll
  static void startBrowser() throws Exception {
    File chromium = new File(System.getProperty("linli.test.chromium", "/usr/bin/chromium"));
    File driver = new File(System.getProperty("linli.test.chromedriver", "/usr/bin/chromedriver"));
    boolean required = "required".equals(System.getProperty("linli.test.browser"));
    if (!required) {
      assumeTrue(chromium.canExecute() && driver.canExecute(),
          "no Chromium at " + chromium + " / " + driver + ": run scripts/test, which installs it");
    }
    if (required) {
      assertThat(hasChineseFont()).as("no CJK font: screenshots would show boxes; run scripts/test, which installs fonts-noto-cjk")
          .isTrue();
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--lang=zh-CN",
        "--user-data-dir=" + Files.createTempDirectory("linli-chromium"));
    // console messages, so that a test can see what the Content-Security-Policy refused
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().window().setSize(new Dimension(1440, 960));
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    Files.createDirectories(SHOTS);
  }

  /** Whether fontconfig, which Chromium asks, knows a font for Chinese. */
  static boolean hasChineseFont() throws Exception {
    try {
      Process p = new ProcessBuilder("fc-list", ":lang=zh", "family").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return p.waitFor() == 0 && !out.isBlank();
    } catch (java.io.IOException noFontconfig) {
      return false;
    }
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }

  protected void open(String path) {
    browser.get(url(path));
  }

  protected WebElement find(String css) {
    return browser.findElement(By.cssSelector(css));
  }

  protected String text() {
    try {
      return browser.findElement(By.tagName("body")).getText();
    } catch (StaleElementReferenceException e) {
      return browser.findElement(By.tagName("body")).getText(); // the page was replaced while reading
    }
  }

  protected void shot(String name) throws Exception {
    File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** Waits for a page or an htmx swap; elements replaced mid-check are looked up again. */
  protected WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /** Logs in on the workbench as a demo user (password demo). */
  protected void login(String user) {
    browser.manage().deleteAllCookies();
    open("/login");
    find("#username").sendKeys(user);
    find("#password").sendKeys("demo");
    find("#login").click();
    waiting().until(ExpectedConditions.urlContains("/tasks"));
  }

  /** Follows a link of the top bar, opening the menu first where a phone folds the links into it. */
  protected void topLink(String href) {
    WebElement menu = find(".menu-button");
    if (menu.isDisplayed()) {
      menu.click();
    }
    find(".menu-body a[href='" + href + "']").click();
  }

  protected void type(String css, String value) {
    WebElement el = find(css);
    el.clear();
    el.sendKeys(value);
  }

  /** The user finds the case in their group's queue and opens its page from there. */
  protected void openFromTaskList(String number) {
    open("/tasks?queue=GROUP&q=" + number);
    WebElement link = waiting().until(ExpectedConditions.elementToBeClickable(
        By.xpath("//div[@id='rows']//a[contains(@class,'case-link') and contains(normalize-space(.), '" + number + "')]")));
    link.click();
    waiting().until(ExpectedConditions.urlContains("/cases/" + number));
  }

  /** The rendered form-js form of the case page's open step. */
  protected WebElement stepForm() {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".step-form form")));
  }

  protected void choose(WebElement form, String optionLabel) {
    WebElement label = waiting().until(d -> form.findElements(By.cssSelector("label")).stream()
        .filter(l -> l.getText().strip().startsWith(optionLabel)).findFirst().orElse(null));
    label.click();
  }

  /** Types into the form-js field whose label starts with the text (textfield or textarea). */
  protected void fill(WebElement form, String fieldLabel, String value) {
    WebElement label = form.findElements(By.cssSelector("label")).stream()
        .filter(l -> l.getText().strip().startsWith(fieldLabel)).findFirst().orElseThrow(() -> new AssertionError("no field " + fieldLabel));
    WebElement input = label.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"))
        .findElement(By.cssSelector("input, textarea"));
    input.clear();
    input.sendKeys(value);
  }

  /**
   * Picks an option of a form-js select by the name shown: opens the field whose label starts with
   * the text, types the beginning of the name where the select is searchable, and clicks the option.
   */
  protected void pick(WebElement form, String fieldLabel, String optionName) {
    WebElement field = waiting().until(d -> form.findElements(By.cssSelector(".fjs-form-field-select")).stream()
        .filter(f -> f.isDisplayed() && f.findElement(By.cssSelector("label")).getText().strip().startsWith(fieldLabel))
        .findFirst().orElse(null));
    List<WebElement> search = field.findElements(By.cssSelector("input.fjs-input"));
    if (!search.isEmpty()) {
      search.get(0).click();
      search.get(0).sendKeys(optionName.substring(0, 1));
    } else {
      field.findElement(By.cssSelector(".fjs-input-group")).click();
    }
    waiting().until(d -> field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(o -> o.getText().strip().equals(optionName)).findFirst().orElse(null)).click();
  }

  protected void submit(WebElement form) {
    form.findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(d -> d.getCurrentUrl().contains("?done") && text().contains("已提交"));
  }
}
