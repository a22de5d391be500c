package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.http.EntraError;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code claims} request parameter (reference §3.2): under {@code access_token}, the auth
 * contexts asked for ({@code acrs}, {@code value} or {@code values}), the client's capabilities
 * ({@code xms_cc}, e.g. cp1) and Conditional Access policy ids from an earlier challenge
 * ({@code polids}, also read as {@code capolids}). Other requested claims are accepted and ignored.
 */
record ClaimsRequest(List<String> acrs, List<String> capabilities, List<String> policyIds) {

  static final ClaimsRequest NONE = new ClaimsRequest(List.of(), List.of(), List.of());

  static ClaimsRequest parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return NONE;
    }
    JsonObject root;
    try {
      root = new JsonObject(raw);
    } catch (DecodeException | ClassCastException e) {
      throw invalid();
    }
    Object at = root.getValue("access_token");
    if (at == null) {
      return NONE;
    }
    if (!(at instanceof JsonObject token)) {
      throw invalid();
    }
    return new ClaimsRequest(values(token, "acrs"), lower(values(token, "xms_cc")),
        merge(values(token, "polids"), values(token, "capolids")));
  }

  private static List<String> values(JsonObject token, String claim) {
    Object v = token.getValue(claim);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof JsonObject spec)) {
      throw invalid();
    }
    Set<String> out = new LinkedHashSet<>();
    if (spec.getValue("value") instanceof String s) {
      out.add(s);
    } else if (spec.getValue("value") != null) {
      throw invalid();
    }
    if (spec.getValue("values") instanceof JsonArray a) {
      for (Object o : a) {
        if (!(o instanceof String s)) {
          throw invalid();
        }
        out.add(s);
      }
    } else if (spec.getValue("values") != null) {
      throw invalid();
    }
    return List.copyOf(out);
  }

  private static List<String> lower(List<String> in) {
    return in.stream().map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
  }

  private static List<String> merge(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    b.stream().filter(x -> !out.contains(x)).forEach(out::add);
    return List.copyOf(out);
  }

  static EntraError invalid() {
    return new EntraError("invalid_request", 90100, "claims parameter is empty or not valid.");
  }

  /** The claims challenge body Entra puts in an error: acrs asked for, else the policies to satisfy. */
  static String challenge(List<String> acrs, List<String> policyIds) {
    JsonObject token = new JsonObject();
    if (acrs.size() == 1) {
      token.put("acrs", new JsonObject().put("essential", true).put("value", acrs.get(0)));
    } else if (!acrs.isEmpty()) {
      token.put("acrs", new JsonObject().put("essential", true).put("values", new JsonArray(acrs)));
    }
    if (!policyIds.isEmpty()) {
      token.put("polids", new JsonObject().put("essential", true).put("values", new JsonArray(policyIds)));
    }
    return new JsonObject().put("access_token", token).encode();
  }
}
