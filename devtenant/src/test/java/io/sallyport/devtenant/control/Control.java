package io.sallyport.devtenant.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.devtenant.harness.Await;
import io.sallyport.devtenant.harness.RunningDevTenant;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;

/** Calls the control API over HTTPS as a black-box test would, asserting the status it expects. */
final class Control {

  private final RunningDevTenant t;

  Control(RunningDevTenant t) {
    this.t = t;
  }

  HttpResponse<Buffer> raw(HttpMethod method, String path, String body) {
    HttpRequest<Buffer> req = t.client().requestAbs(method, t.baseUrl() + path);
    return Await.result(body == null ? req.send() : req.putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body)));
  }

  JsonObject call(HttpMethod method, String path, Object body, int status) {
    HttpResponse<Buffer> r = raw(method, path, body == null ? null : body.toString());
    assertThat(r.statusCode()).as("%s %s -> %s", method, path, r.bodyAsString()).isEqualTo(status);
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    return r.bodyAsJsonObject();
  }

  JsonObject ok(HttpMethod method, String path, Object body) {
    return call(method, path, body, 200);
  }

  /** A refusal: asserts the status and stable code, returns the message. */
  String error(HttpMethod method, String path, Object body, int status, String code) {
    JsonObject e = call(method, path, body, status);
    assertThat(e.fieldNames()).containsExactlyInAnyOrder("error", "message");
    assertThat(e.getString("error")).isEqualTo(code);
    return e.getString("message");
  }
}
