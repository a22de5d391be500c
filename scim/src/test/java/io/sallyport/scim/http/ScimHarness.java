package io.sallyport.scim.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.scim.spi.ScimStorage;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Starts the SCIM router on a loopback port, mounted as the gateway mounts it, over the storage a
 * subclass supplies, and speaks HTTP to it. One server and one storage per test class: tests use
 * fresh random names so they do not depend on each other or on order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ScimHarness {

  public static final String BASE = "/scim/v2";
  public static final String TOKEN = "compliance-suite-token";
  /** A token the suite's auth hook fails on, to see the 503. */
  public static final String AUTH_OUTAGE = "auth-hook-outage";

  protected Vertx vertx;
  protected CountingStorage storage;
  private ScimStorage created;
  private HttpServer server;
  private WebClient client;

  /** The storage under test, created once per test class; called on a non-event-loop thread. */
  protected abstract ScimStorage createStorage(Vertx vertx) throws Exception;

  /** Releases what {@link #createStorage} made, after the server stopped. */
  protected void releaseStorage(ScimStorage storage) throws Exception {}

  protected ScimOptions options() {
    return new ScimOptions(BASE, 64 * 1024, 50, 16);
  }

  @BeforeAll
  final void startScim() throws Exception {
    vertx = Vertx.vertx();
    created = createStorage(vertx);
    storage = new CountingStorage(created);
    ScimAuth auth = token -> {
      if (AUTH_OUTAGE.equals(token)) {
        return Future.failedFuture(new IllegalStateException("token store unreachable (injected)"));
      }
      return Future.succeededFuture(TOKEN.equals(token));
    };
    Router root = Router.router(vertx);
    root.route(BASE + "/*").subRouter(ScimEndpoint.router(vertx, storage, auth, options()));
    server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").await();
    client = WebClient.create(vertx);
  }

  @AfterAll
  final void stopScim() throws Exception {
    if (vertx != null) {
      vertx.close().await();
    }
    if (created != null) {
      releaseStorage(created);
    }
  }

  protected Reply send(HttpMethod method, String path, Map<String, String> headers, Buffer body) {
    HttpRequest<Buffer> request = client.request(method, server.actualPort(), "127.0.0.1", BASE + path);
    request.putHeader("Authorization", "Bearer " + TOKEN);
    if (body != null) {
      request.putHeader("Content-Type", "application/scim+json");
    }
    headers.forEach((name, value) -> {
      if (value == null) {
        request.headers().remove(name);
      } else {
        request.putHeader(name, value);
      }
    });
    var response = (body == null ? request.send() : request.sendBuffer(body)).await();
    MultiMap copy = MultiMap.caseInsensitiveMultiMap().addAll(response.headers());
    return new Reply(response.statusCode(), copy, response.body() == null ? Buffer.buffer() : response.body());
  }

  protected Reply get(String path) {
    return send(HttpMethod.GET, path, Map.of(), null);
  }

  protected Reply post(String path, String json) {
    return send(HttpMethod.POST, path, Map.of(), Buffer.buffer(json));
  }

  protected Reply put(String path, String json) {
    return send(HttpMethod.PUT, path, Map.of(), Buffer.buffer(json));
  }

  protected Reply patch(String path, String json) {
    return send(HttpMethod.PATCH, path, Map.of(), Buffer.buffer(json));
  }

  protected Reply delete(String path) {
    return send(HttpMethod.DELETE, path, Map.of(), null);
  }

  protected static String q(String filter) {
    return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
  }

  protected static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  protected String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort() + BASE;
  }

  protected JsonObject createUser(String userName) {
    return post("/Users", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","active":true,
         "name":{"givenName":"Given","familyName":"Family"},"emails":[{"value":"%s@example.com","type":"work","primary":true}]}
        """.formatted(userName, userName)).expect(201).json();
  }

  protected JsonObject createGroup(String displayName) {
    return post("/Groups", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s"}
        """.formatted(displayName)).expect(201).json();
  }

  protected static String patchOp(String operationsJson) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":" + operationsJson + "}";
  }

  /** The resource's state now, read back over HTTP. */
  protected JsonObject read(String kindPath, String id) {
    return get(kindPath + "/" + id).expect(200).json();
  }

  protected static void assertListResponse(JsonObject list) {
    assertThat(list.getJsonArray("schemas").getString(0)).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
    assertThat(list.getValue("totalResults")).isInstanceOf(Number.class);
    assertThat(list.getJsonArray("Resources")).isNotNull();
  }
}
