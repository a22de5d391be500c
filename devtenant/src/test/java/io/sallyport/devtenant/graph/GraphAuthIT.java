package io.sallyport.devtenant.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.devtenant.harness.Await;
import io.sallyport.devtenant.harness.RunningDevTenant;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GraphAuthIT {

  static RunningDevTenant t;

  @BeforeAll
  static void start() {
    t = RunningDevTenant.demo();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private HttpResponse<Buffer> get(String path, String authorization) {
    var req = t.client().getAbs(t.baseUrl() + path);
    if (authorization != null) {
      req.putHeader("Authorization", authorization);
    }
    return Await.result(req.send());
  }

  @Test
  void noTokenGetsGraphs401WithItsChallengeHeader() {
    HttpResponse<Buffer> r = get("/v1.0/users", null);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"\", authorization_uri=\"" + t.baseUrl()
        + "/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");
    JsonObject error = r.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("InvalidAuthenticationToken");
    assertThat(error.getString("message")).isEqualTo("Access token is empty.");
    assertThat(error.getJsonObject("innerError").fieldNames()).containsExactlyInAnyOrder("date", "request-id",
        "client-request-id");
  }

  @Test
  void garbageAndForeignTokensAreRefusedWithGraphsMessages() {
    assertThat(get("/v1.0/users", "Bearer not.a.jwt").bodyAsJsonObject().getJsonObject("error")
        .getString("message")).isEqualTo("CompactToken parsing failed with error code: 80049217");
    String unsigned = "eyJhbGciOiJub25lIn0.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20ifQ.";
    HttpResponse<Buffer> r = get("/v1.0/users", "Bearer " + unsigned);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .isEqualTo("Access token validation failure. Invalid signing algorithm.");
  }
}
