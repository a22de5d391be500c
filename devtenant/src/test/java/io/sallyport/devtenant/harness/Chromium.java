package io.sallyport.devtenant.harness;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real headless Chromium driven over the W3C WebDriver protocol through chromedriver (Debian's
 * chromium and chromium-driver, which .ci/run installs). Only what the page tests need: open a URL,
 * type into and click elements by CSS selector, read text, the URL and the page source.
 * {@link #available()} is false where chromedriver is missing, so those tests report as skipped.
 */
public final class Chromium implements AutoCloseable {

  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

  private final Process driver;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String session;
  private final Path profile;

  public static String chromedriver() {
    String env = System.getenv("SALLYPORT_TEST_CHROMEDRIVER");
    return env != null && !env.isBlank() ? env : "/usr/bin/chromedriver";
  }

  public static String chromium() {
    String env = System.getenv("SALLYPORT_TEST_CHROMIUM");
    return env != null && !env.isBlank() ? env : "/usr/bin/chromium";
  }

  public static boolean available() {
    return Files.isExecutable(Path.of(chromedriver())) && Files.isExecutable(Path.of(chromium()));
  }

  public Chromium() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    driver = new ProcessBuilder(chromedriver(), "--port=" + port).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    base = "http://127.0.0.1:" + port;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try {
        if (call("GET", "/status", null).getJsonObject("value").getBoolean("ready")) {
          break;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        driver.destroyForcibly();
        throw new IllegalStateException("chromedriver did not become ready on " + base);
      }
      Thread.sleep(100);
    }
    profile = Files.createTempDirectory("sallyport-chromium");
    JsonArray args = new JsonArray().add("--headless").add("--no-sandbox").add("--disable-gpu")
        .add("--disable-background-networking").add("--disable-component-update").add("--disable-sync")
        .add("--disable-quic").add("--no-first-run").add("--user-data-dir=" + profile);
    // acceptInsecureCerts: devtenant's certificate is a throwaway self-signed one, trusted by nothing
    JsonObject caps = new JsonObject().put("capabilities", new JsonObject().put("alwaysMatch", new JsonObject()
        .put("browserName", "chrome").put("acceptInsecureCerts", true)
        .put("goog:chromeOptions", new JsonObject().put("binary", chromium()).put("args", args))));
    session = call("POST", "/session", caps).getJsonObject("value").getString("sessionId");
  }

  public void open(String url) throws Exception {
    call("POST", "/session/" + session + "/url", new JsonObject().put("url", url));
  }

  public String url() throws Exception {
    return call("GET", "/session/" + session + "/url", null).getString("value");
  }

  public String source() throws Exception {
    return call("GET", "/session/" + session + "/source", null).getString("value");
  }

  public void type(String css, String text) throws Exception {
    call("POST", "/session/" + session + "/element/" + find(css) + "/value", new JsonObject().put("text", text));
  }

  public void click(String css) throws Exception {
    call("POST", "/session/" + session + "/element/" + find(css) + "/click", new JsonObject());
  }

  public String text(String css) throws Exception {
    return call("GET", "/session/" + session + "/element/" + find(css) + "/text", null).getString("value");
  }

  /** Waits (bounded) until an element matches, e.g. after a form post navigates. */
  public String find(String css) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      JsonObject r = call("POST", "/session/" + session + "/element",
          new JsonObject().put("using", "css selector").put("value", css));
      if (r.getValue("value") instanceof JsonObject v && v.containsKey(ELEMENT)) {
        return v.getString(ELEMENT);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no element matches " + css + " on " + url() + ":\n" + source());
      }
      Thread.sleep(100);
    }
  }

  private JsonObject call(String method, String path, JsonObject body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body.encode()));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonObject json = new JsonObject(r.body());
    if (r.statusCode() >= 400 && !(path.endsWith("/element") && r.statusCode() == 404)) {
      throw new IOException("WebDriver " + method + " " + path + " failed: " + r.statusCode() + " " + r.body());
    }
    return json;
  }

  @Override
  public void close() throws Exception {
    try {
      call("DELETE", "/session/" + session, null);
    } catch (IOException e) {
      // the driver goes anyway
    }
    driver.destroy();
    if (!driver.waitFor(5, TimeUnit.SECONDS)) {
      driver.destroyForcibly();
    }
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
