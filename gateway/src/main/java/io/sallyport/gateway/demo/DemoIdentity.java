package io.sallyport.gateway.demo;

import io.vertx.core.MultiMap;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The identity part of the demo upstream's page: the plain {@code X-Sallyport-User}/{@code -Upn}
 * headers and the signed assertion's claims, decoded for display. The demo app does not verify the
 * assertion (a real app must, against the gateway's JWKS); it only shows what arrived.
 */
final class DemoIdentity {

  static final String ASSERTION = "X-Sallyport-Assertion";

  private DemoIdentity() {}

  static String html(MultiMap headers) {
    String user = headers.get("X-Sallyport-User");
    String upn = headers.get("X-Sallyport-Upn");
    String assertion = headers.get(ASSERTION);
    if (user == null && upn == null && assertion == null) {
      return "<p id=\"identity\">No identity: this request came through a public route (or not through "
          + "Sallyport at all). Protected routes receive the signed-in user here.</p>";
    }
    StringBuilder b = new StringBuilder("<div id=\"identity\"><table>");
    row(b, "X-Sallyport-User", user);
    row(b, "X-Sallyport-Upn", upn);
    b.append("</table>");
    if (assertion != null) {
      b.append("<p>Claims of the signed assertion (").append(ASSERTION).append("):</p><pre>")
          .append(DemoUpstream.esc(claims(assertion))).append("</pre>");
    }
    return b.append("</div>").toString();
  }

  private static void row(StringBuilder b, String name, String value) {
    if (value != null) {
      b.append("<tr><td>").append(name).append("</td><td>").append(DemoUpstream.esc(value)).append("</td></tr>");
    }
  }

  static String claims(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      return "(not a JWT)";
    }
    try {
      return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
          .encodePrettily();
    } catch (IllegalArgumentException | DecodeException e) {
      return "(not a JWT)";
    }
  }
}
