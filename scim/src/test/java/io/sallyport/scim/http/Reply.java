package io.sallyport.scim.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** One HTTP response as the compliance suite inspects it. */
public record Reply(int status, MultiMap headers, Buffer body) {

  public JsonObject json() {
    assertThat(headers.get("Content-Type")).as("Content-Type of a %d with a body", status)
        .isEqualTo("application/scim+json; charset=utf-8");
    return new JsonObject(body);
  }

  public String header(String name) {
    return headers.get(name);
  }

  public Reply expect(int expected) {
    assertThat(status).as("status; body %s", body == null ? "" : body.toString()).isEqualTo(expected);
    return this;
  }

  /** Asserts the RFC 7644 §3.12 error shape: status as a string, the scimType, a detail naming the problem. */
  public JsonObject expectError(int expected, String scimType, String detailContains) {
    expect(expected);
    JsonObject error = json();
    assertThat(error.getJsonArray("schemas")).isEqualTo(new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:Error"));
    assertThat(error.getValue("status")).isEqualTo(String.valueOf(expected));
    assertThat(error.getString("scimType")).as("scimType in %s", error).isEqualTo(scimType);
    assertThat(error.getString("detail")).as("detail").isNotBlank();
    if (detailContains != null) {
      assertThat(error.getString("detail")).containsIgnoringCase(detailContains);
    }
    assertThat(error.encode()).doesNotContain("Exception").doesNotContain("\tat ");
    return error;
  }
}
