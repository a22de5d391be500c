package io.sallyport.devtenant.graph.directory;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.AppRegistration;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /applications/{id}/addPassword}: a new client secret, returned once (§8.1), recorded on
 * the application without its text and added to the secrets the token endpoint accepts.
 */
final class Passwords {

  private static final String TYPE = "microsoft.graph.passwordCredential";
  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.~".toCharArray();
  /** Entra's default lifetime for a secret created without endDateTime. */
  private static final long DEFAULT_YEARS = 2;

  private final Context ctx;
  private final GraphResponses responses;
  private final SecureRandom random = new SecureRandom();

  Passwords(Context ctx, GraphResponses responses) {
    this.ctx = ctx;
    this.responses = responses;
  }

  void add(RoutingContext rc, AppRegistration app) {
    JsonObject body = responses.body(rc);
    WriteBodies.check(body, new JsonObject().put("passwordCredential", shape()), "microsoft.graph.addPassword",
        Map.of("passwordCredential", TYPE), Set.of());
    JsonObject asked = body.getJsonObject("passwordCredential", new JsonObject());
    Instant start = instant(asked, "startDateTime", ctx.clock().instant());
    Instant end = instant(asked, "endDateTime", start.atZone(java.time.ZoneOffset.UTC).plusYears(DEFAULT_YEARS)
        .toInstant());
    if (!end.isAfter(start)) {
      throw GraphError.badRequest("Property 'endDateTime' must be later than 'startDateTime'.");
    }
    String secret = secret();
    JsonObject credential = new JsonObject().putNull("customKeyIdentifier")
        .put("displayName", asked.getString("displayName")).put("endDateTime", end.toString())
        .put("hint", secret.substring(0, 3)).put("keyId", UUID.randomUUID().toString()).putNull("secretText")
        .put("startDateTime", start.toString());
    ctx.state().apps.update(app.appId(), a -> {
      JsonObject json = a.application().copy();
      JsonArray creds = json.getJsonArray("passwordCredentials", new JsonArray()).copy().add(credential.copy());
      List<String> secrets = new ArrayList<>(a.secrets());
      secrets.add(secret);
      return a.withApplication(json.put("passwordCredentials", creds)).withSecrets(secrets);
    });
    responses.ok(rc, new JsonObject().put("@odata.context", responses.context(TYPE)).mergeIn(credential)
        .put("secretText", secret));
  }

  private static JsonObject shape() {
    return new JsonObject().putNull("customKeyIdentifier").putNull("displayName").putNull("endDateTime")
        .putNull("hint").putNull("keyId").putNull("secretText").putNull("startDateTime");
  }

  private static Instant instant(JsonObject o, String key, Instant otherwise) {
    Object v = o.getValue(key);
    if (v == null) {
      return otherwise;
    }
    try {
      return java.time.OffsetDateTime.parse(String.valueOf(v)).toInstant().truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException e) {
      throw GraphError.badRequest("Invalid value for property '" + key + "': '" + v
          + "' is not an ISO-8601 date and time.");
    }
  }

  /** 40 characters shaped like Entra's current secrets: three, then "8Q~", then 34 more. */
  private String secret() {
    StringBuilder s = new StringBuilder(40);
    for (int i = 0; i < 40; i++) {
      s.append(i >= 3 && i < 6 ? "8Q~".charAt(i - 3) : ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return s.toString();
  }
}
