package io.sallyport.gateway.bench;

import io.sallyport.gateway.Gateway;
import io.sallyport.gateway.config.ConfigLoader;
import io.sallyport.gateway.harness.RunningGateway;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The SCIM targets of issue 5, measured over HTTP against a gateway in this JVM on H2 or
 * PostgreSQL: seed N users and M groups through POST (as Entra's first cycle does), then the
 * userName probe's latency at that size, create and PATCH rates, and 10,000 members added to one
 * group in PATCHes of 100. Run with bench/scim.sh; numbers are for this machine only.
 */
public final class ScimBench {

  static final String TOKEN = "bench-token-0123456789abcdef0123456789abcdef";
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private final WebClient http;
  private final int port;
  private final String base;

  ScimBench(WebClient http, int port, String base) {
    this.http = http;
    this.port = port;
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String store = a.getOrDefault("store", "h2");
    int users = Integer.parseInt(a.getOrDefault("users", "100000"));
    int groups = Integer.parseInt(a.getOrDefault("groups", "5000"));
    int concurrency = Integer.parseInt(a.getOrDefault("concurrency", "16"));
    Path dir = Files.createTempDirectory("scim-bench");
    String storeYaml = store.equals("postgres")
        ? "store: { kind: postgres, url: \"" + a.getOrDefault("pg-url",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres") + "\" }\n"
        : "store: { kind: h2, path: \"" + dir + "\" }\n";
    String yaml = RunningGateway.listeners().replaceAll("(?m)^store:.*\n", "") + "access-log: off\n" + storeYaml
        + "scim: { enabled: true, tokens: [\"" + TOKEN + "\"] }\n"
        + "routes:\n  - { name: none, upstream: \"http://127.0.0.1:1\", public: true }\n";
    Gateway gateway = Gateway.start(ConfigLoader.parse(yaml, null, Map.of()), new Gateway.Environment(
        Clock.systemUTC(), Map.of(), OutputStream.nullOutputStream(), 2, 2000))
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    Vertx vertx = Vertx.vertx();
    WebClient http = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(concurrency));
    ScimBench b = new ScimBench(http, gateway.publicPort(), "/scim/v2");
    String run = "r" + Long.toString(System.currentTimeMillis(), 36);
    try {
      System.out.printf("store=%s users=%d groups=%d concurrency=%d%n", store, users, groups, concurrency);
      b.report("seed users (POST /Users)", b.run(users, concurrency, i -> b.createUser(run, i)));
      b.report("seed groups (POST /Groups)", b.run(groups, concurrency, i -> b.createGroup(run, i)));
      b.report("probe userName eq (GET, 4 in flight)", b.run(5000, 4,
          i -> b.probe(run + "-u" + (int) (Math.random() * users))));
      b.report("create at size (POST /Users)", b.run(5000, concurrency, i -> b.createUser(run + "x", i)));
      b.report("patch (Entra default form)", b.run(5000, concurrency,
          i -> b.patchUser(run, (int) (Math.random() * users), i % 2 == 0)));
      b.members(run);
    } finally {
      vertx.close();
      gateway.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    System.exit(0);
  }

  private Future<Integer> send(HttpMethod method, String path, JsonObject body) {
    var req = http.request(method, port, "127.0.0.1", base + path).putHeader("Authorization", "Bearer " + TOKEN)
        .putHeader("Content-Type", "application/scim+json");
    Future<HttpResponse<Buffer>> f = body == null ? req.send() : req.sendBuffer(body.toBuffer());
    return f.map(HttpResponse::statusCode);
  }

  Future<Integer> createUser(String run, int i) {
    String name = run + "-u" + i;
    return send(HttpMethod.POST, "/Users", new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:User")
            .add("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"))
        .put("externalId", name).put("userName", name + "@bench.example").put("active", true)
        .put("displayName", "User " + i)
        .put("emails", new JsonArray().add(new JsonObject().put("primary", true).put("type", "work")
            .put("value", name + "@bench.example")))
        .put("name", new JsonObject().put("givenName", "U").put("familyName", "" + i)));
  }

  Future<Integer> createGroup(String run, int i) {
    return send(HttpMethod.POST, "/Groups", new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:Group"))
        .put("externalId", run + "-g" + i).put("displayName", run + " group " + i));
  }

  Future<Integer> probe(String name) {
    String filter = URLEncoder.encode("userName eq \"" + name + "@bench.example\"", StandardCharsets.UTF_8);
    return send(HttpMethod.GET, "/Users?filter=" + filter, null);
  }

  private Future<String> idOf(String userName) {
    String filter = URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8);
    return http.get(port, "127.0.0.1", base + "/Users?attributes=id&filter=" + filter)
        .putHeader("Authorization", "Bearer " + TOKEN).send()
        .map(r -> r.bodyAsJsonObject().getJsonArray("Resources").getJsonObject(0).getString("id"));
  }

  Future<Integer> patchUser(String run, int i, boolean disable) {
    return idOf(run + "-u" + i + "@bench.example").compose(id -> send(HttpMethod.PATCH, "/Users/" + id,
        new JsonObject().put("schemas", new JsonArray().add(PATCH_OP)).put("Operations", new JsonArray()
            .add(new JsonObject().put("op", "Replace").put("path", "displayName").put("value", "Renamed " + i))
            .add(new JsonObject().put("op", "Replace").put("path", "active").put("value", disable ? "False" : "True")))));
  }

  void members(String run) throws Exception {
    String group = idOfGroup(run + " group 0");
    long started = System.nanoTime();
    int failures = 0;
    for (int batch = 0; batch < 100; batch++) {
      JsonArray value = new JsonArray();
      for (int k = 0; k < 100; k++) {
        value.add(new JsonObject().putNull("$ref").put("value", "member-" + (batch * 100 + k)));
      }
      int status = send(HttpMethod.PATCH, "/Groups/" + group, new JsonObject()
          .put("schemas", new JsonArray().add(PATCH_OP)).put("Operations", new JsonArray()
              .add(new JsonObject().put("op", "Add").put("path", "members").put("value", value))))
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      failures += status / 100 == 2 ? 0 : 1;
    }
    double s = (System.nanoTime() - started) / 1e9;
    System.out.printf("%-40s %8.1f s for 10,000 members in 100 PATCHes (%d failed)%n",
        "members (PATCH add x100)", s, failures);
  }

  private String idOfGroup(String displayName) throws Exception {
    String filter = URLEncoder.encode("displayName eq \"" + displayName + "\"", StandardCharsets.UTF_8);
    return http.get(port, "127.0.0.1", base + "/Groups?excludedAttributes=members&filter=" + filter)
        .putHeader("Authorization", "Bearer " + TOKEN).send()
        .map(r -> r.bodyAsJsonObject().getJsonArray("Resources").getJsonObject(0).getString("id"))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  record Result(int n, double seconds, long[] latenciesNanos, int failures) {}

  /** Runs {@code n} requests with {@code concurrency} in flight; latency per request, and failures. */
  Result run(int n, int concurrency, IntFunction<Future<Integer>> request) throws Exception {
    long[] lat = new long[n];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    Promise<Void> done = Promise.promise();
    AtomicInteger running = new AtomicInteger(concurrency);
    long started = System.nanoTime();
    for (int c = 0; c < concurrency; c++) {
      loop(request, next, n, lat, failures, running, done);
    }
    done.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.MINUTES);
    return new Result(n, (System.nanoTime() - started) / 1e9, lat, failures.get());
  }

  private void loop(IntFunction<Future<Integer>> request, AtomicInteger next, int n, long[] lat,
      AtomicInteger failures, AtomicInteger running, Promise<Void> done) {
    int i = next.getAndIncrement();
    if (i >= n) {
      if (running.decrementAndGet() == 0) {
        done.tryComplete();
      }
      return;
    }
    long t0 = System.nanoTime();
    request.apply(i).onComplete(ar -> {
      lat[i] = System.nanoTime() - t0;
      if (ar.failed() || ar.result() / 100 != 2) {
        failures.incrementAndGet();
      }
      loop(request, next, n, lat, failures, running, done);
    });
  }

  void report(String what, Result r) {
    long[] sorted = r.latenciesNanos().clone();
    Arrays.sort(sorted);
    System.out.printf("%-40s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (%d requests, %d failed)%n", what,
        r.n() / r.seconds(), sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
        sorted[sorted.length - 1] / 1e6, r.n(), r.failures());
  }
}
