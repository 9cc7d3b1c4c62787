package io.newshound.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven through chromedriver: Debian's {@code chromium} and {@code chromium-driver}
 * packages, which {@code .ci/run} installs. Their absence fails the test with the command that installs them,
 * rather than skipping it. The paths can be changed with {@code -Dnewshound.chromium=} and
 * {@code -Dnewshound.chromedriver=}. Selenium Manager is never asked to download anything: both paths are given.
 */
final class Browser implements AutoCloseable {

	static final Dimension DESKTOP = new Dimension(1280, 900);

	static final Dimension PHONE = new Dimension(390, 844);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	final ChromeDriver driver;

	private final String baseUrl;

	private final Path profile;

	private Browser(ChromeDriver driver, String baseUrl, Path profile) {
		this.driver = driver;
		this.baseUrl = baseUrl;
		this.profile = profile;
	}

	/** Fails, saying how to install them, when Chromium or chromedriver is missing: call it before costly set-up. */
	static void requireInstalled() {
		for (Path binary : List.of(chromium(), chromedriver())) {
			if (!Files.isExecutable(binary)) {
				throw new IllegalStateException("The browser tests need Chromium and chromedriver, and " + binary
						+ " is missing: install them with `apt-get install -y chromium chromium-driver` (.ci/run does), "
						+ "or point -Dnewshound.chromium / -Dnewshound.chromedriver at them");
			}
		}
	}

	private static Path chromium() {
		return Path.of(System.getProperty("newshound.chromium", "/usr/bin/chromium"));
	}

	private static Path chromedriver() {
		return Path.of(System.getProperty("newshound.chromedriver", "/usr/bin/chromedriver"));
	}

	static Browser start(String baseUrl) throws IOException {
		requireInstalled();
		Path chromium = chromium();
		Path chromedriver = chromedriver();
		Path profile = Files.createTempDirectory("newshound-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		// as root, in a closed network: no sandbox, and none of the background calls home that stall start-up
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--disable-default-apps", "--disable-extensions", "--user-data-dir=" + profile,
				"--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--lang=en-GB");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
		return new Browser(driver, baseUrl, profile);
	}

	void open(String pathAndQuery) {
		this.driver.get(this.baseUrl + pathAndQuery);
	}

	String path() {
		return this.driver.getCurrentUrl().substring(this.baseUrl.length());
	}

	<T> T await(ExpectedCondition<T> condition) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(30)).until(condition);
	}

	<T> T await(Duration timeout, ExpectedCondition<T> condition) {
		return new WebDriverWait(this.driver, timeout).until(condition);
	}

	List<WebElement> all(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	WebElement one(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/** Light or dark, as the operating system would ask through {@code prefers-color-scheme}. */
	void colorScheme(String scheme) {
		this.driver.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
	}

	void size(Dimension size) {
		this.driver.manage().window().setSize(size);
	}

	/** Writes {@code target/screenshots/<name>.png}, a test artifact to look at. */
	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteQuietly(this.profile);
		}
	}

	private static void deleteQuietly(Path directory) {
		try (var paths = Files.walk(directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary profile left behind is harmless
		}
	}

}
