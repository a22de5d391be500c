package io.sallyport.gateway.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A demo route that needs privileged access (PIM, terms of use, an access package), what it needs in
 * words, and what each seeded user meets there. Built by {@link PrivilegedTryouts}.
 *
 * @param route     the route's name, as deny pages and {@code /.sallyport/activate?route=} name it
 * @param path      the route's path prefix
 * @param requires  what the route needs, in words ("an active PIM assignment of ...")
 * @param attempts  one per enabled user of the scenario
 */
public record PrivilegedTryout(String route, String path, String requires, List<Attempt> attempts) {

  /** What a script can expect, strongest first when a route has several steps. */
  public enum Expect {
    /** refused for good: not eligible, no access package */
    DENIED,
    /** eligible, but the activation waits for an approver */
    APPROVAL,
    /** eligible: activation is offered at the wall and lets the user through */
    ACTIVATE,
    /** the terms of use are offered; accepting lets the user through */
    TERMS,
    /** through at once */
    ALLOWED;

    String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * @param upn       who signs in
   * @param password  their devtenant password
   * @param expect    the outcome in one word, for scripts
   * @param what      what happens, in words
   */
  public record Attempt(String upn, String password, Expect expect, String what) {}

  public PrivilegedTryout {
    attempts = List.copyOf(attempts);
  }

  JsonObject json(String gatewayUrl) {
    JsonArray users = new JsonArray();
    attempts.forEach(a -> users.add(new JsonObject().put("upn", a.upn()).put("password", a.password())
        .put("expect", a.expect().code()).put("what", a.what())));
    return new JsonObject().put("route", route).put("url", url(gatewayUrl)).put("requires", requires)
        .put("users", users);
  }

  String url(String gatewayUrl) {
    return gatewayUrl == null ? path : gatewayUrl.replaceAll("/$", "") + path;
  }
}
