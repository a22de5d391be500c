package io.sallyport.devtenant.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.devtenant.harness.Await;
import io.sallyport.devtenant.harness.RunningDevTenant;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests that break before any handler (bad percent-encoding, oversized bodies) get the surface's error shape. */
class MalformedIT {

  static RunningDevTenant t;

  @BeforeAll
  static void start() {
    t = RunningDevTenant.demo();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static HttpResponse<Buffer> get(String pathAndQuery) {
    return Await.result(t.client().getAbs(t.baseUrl() + pathAndQuery).send());
  }

  @Test
  void badPercentEncodingOnAnIdentityPathIsAnEntraError() {
    HttpResponse<Buffer> r = get("/" + t.tenantId() + "/oauth2/v2.0/authorize?client_id=%ZZ");
    assertThat(r.statusCode()).isEqualTo(400);
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getString("error")).isEqualTo("invalid_request");
    assertThat(body.getString("error_description")).startsWith("AADSTS900144: The request URL is malformed: ")
        .contains("invalid hex byte");
  }

  @Test
  void badPercentEncodingOnGraphAndTheControlApiUsesTheirShapes() {
    String token = Await.result(t.client().postAbs(t.baseUrl() + "/_devtenant/tokens").sendJsonObject(new JsonObject()
        .put("client", "Sallyport").put("audience", "https://graph.microsoft.com"))).bodyAsJsonObject()
        .getString("access_token");
    HttpResponse<Buffer> graph = Await.result(t.client().getAbs(t.baseUrl() + "/v1.0/users?$filter=%ZZ")
        .putHeader("Authorization", "Bearer " + token).send());
    assertThat(graph.statusCode()).isEqualTo(400);
    assertThat(graph.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("BadRequest");
    HttpResponse<Buffer> control = get("/_devtenant/tenant?x=%ZZ");
    assertThat(control.statusCode()).isEqualTo(400);
    assertThat(control.bodyAsJsonObject().getString("error")).isEqualTo("malformed_request");
  }

  @Test
  void anOversizedTokenRequestIs413InEntrasShape() {
    HttpResponse<Buffer> r = Await.result(t.client().postAbs(t.baseUrl() + "/" + t.tenantId() + "/oauth2/v2.0/token")
        .putHeader("Content-Type", "application/x-www-form-urlencoded")
        .sendBuffer(Buffer.buffer(new byte[2 * 1024 * 1024])));
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.bodyAsJsonObject().getString("error_description")).startsWith("AADSTS900144: The request body is too large.");
  }
}
