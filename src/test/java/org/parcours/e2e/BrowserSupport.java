package org.parcours.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import java.util.List;
import java.util.Set;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver: no browser download, no Selenium
 * Manager. Each browser gets a fresh profile folder, deleted on close.
 */
final class BrowserSupport implements AutoCloseable {

    static final String CHROMIUM = System.getenv().getOrDefault("PARCOURS_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("PARCOURS_CHROMEDRIVER", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Path profile;

    BrowserSupport() throws IOException {
        this(new String[0]);
    }

    /** With extra Chromium arguments (e.g. a user agent that tells two users apart in a load balancer's log). */
    BrowserSupport(String... extraArguments) throws IOException {
        profile = Files.createTempDirectory("parcours-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.addArguments(extraArguments);
        // console messages (e.g. Content-Security-Policy violations) readable with consoleMessages()
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    /** Fills and submits the login form (the caller waits for what should follow). */
    void signIn(String baseUrl, String username, String password, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        driver.get(baseUrl + "/login");
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-login-form input[name='username']")));
        user.sendKeys(username);
        WebElement pass = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        pass.sendKeys(password);
        pass.sendKeys(Keys.ENTER);
    }

    /** Clicks the radio button labelled {@code code} in a radio group (e.g. a scale item). */
    void choose(String groupId, String code) {
        List<WebElement> radios = driver.findElements(By.cssSelector("#" + groupId + " vaadin-radio-button"));
        WebElement radio = radios.stream().filter(r -> r.getText().strip().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no radio " + code + " in " + groupId));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", radio);
        radio.findElement(By.cssSelector("input")).click();
    }

    /** Waits until the element is clickable, scrolls it to the middle of the window and clicks it. */
    void click(By locator, Duration timeout) {
        WebElement element = new WebDriverWait(driver, timeout).until(ExpectedConditions.elementToBeClickable(locator));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Waits until the element exists, scrolls it into the window and waits until it is displayed. */
    WebElement reveal(By locator, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(locator));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return wait.until(ExpectedConditions.visibilityOf(element));
    }

    /** Types into a text, number, text-area, date-picker or combo-box field and leaves it (Tab commits the value). */
    void type(String fieldId, String text) {
        WebElement field = driver.findElement(By.id(fieldId));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        WebElement input = field.findElement(By.cssSelector("input, textarea"));
        input.click();
        input.sendKeys(text);
        if (Set.of("vaadin-combo-box", "vaadin-multi-select-combo-box", "vaadin-date-picker").contains(field.getTagName())) {
            input.sendKeys(Keys.ENTER);
        }
        input.sendKeys(Keys.TAB);
    }

    /** Clicks the radio button or checkbox whose label is {@code label} in a radio or checkbox group. */
    void chooseLabel(String groupId, String label) {
        List<WebElement> options = driver.findElements(By.cssSelector("#" + groupId + " vaadin-radio-button, #" + groupId + " vaadin-checkbox"));
        WebElement option = options.stream().filter(r -> r.getText().strip().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no option labelled " + label + " in " + groupId + ": "
                        + options.stream().map(o -> o.getText().strip()).toList()));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", option);
        option.findElement(By.cssSelector("input")).click();
    }

    /** The label of the checked radio button of a group. */
    String checkedLabel(String groupId) {
        return driver.findElement(By.cssSelector("#" + groupId + " vaadin-radio-button[checked]")).getText().strip();
    }

    /** The browser console messages since the last call (Chromium reports CSP violations there). */
    List<String> consoleMessages() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

}
