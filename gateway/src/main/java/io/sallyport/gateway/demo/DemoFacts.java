package io.sallyport.gateway.demo;

import io.sallyport.devtenant.DevTenant;
import io.sallyport.devtenant.scenario.Scenario;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;

/**
 * What a newcomer (or a script) needs to drive the demo: the URLs, the tenant, the seeded users and
 * their passwords, the apps, and what each user meets on the privileged-access routes. Printed for
 * people, written as {@code demo.json} for scripts.
 */
public record DemoFacts(String gatewayUrl, String managementUrl, String upstreamUrl, DevTenant tenant,
    Scenario scenario, Path certificateFile, String scimUrl, String scimToken, List<PrivilegedTryout> privileged) {

  public DemoFacts {
    privileged = privileged == null ? List.of() : List.copyOf(privileged);
  }

  /** Without privileged-access routes (devtenant alone has no gateway). */
  public DemoFacts(String gatewayUrl, String managementUrl, String upstreamUrl, DevTenant tenant, Scenario scenario,
                   Path certificateFile, String scimUrl, String scimToken) {
    this(gatewayUrl, managementUrl, upstreamUrl, tenant, scenario, certificateFile, scimUrl, scimToken, List.of());
  }

  public JsonObject json() {
    JsonArray users = new JsonArray();
    scenario.users().forEach(u -> users.add(new JsonObject().put("upn", u.upn()).put("password", u.password())
        .put("oid", u.id()).put("displayName", u.displayName()).put("enabled", u.accountEnabled())));
    JsonArray apps = new JsonArray();
    scenario.apps().forEach(a -> apps.add(new JsonObject().put("name", a.name()).put("clientId", a.appId())
        .put("clientSecret", a.secrets().isEmpty() ? null : a.secrets().get(0))
        .put("redirectUris", new JsonArray(a.redirectUris()))));
    JsonObject devtenant = new JsonObject().put("url", tenant.baseUrl()).put("issuer", tenant.issuer())
        .put("authority", tenant.issuer()).put("graphBaseUrl", tenant.graphBaseUrl())
        .put("controlApi", tenant.baseUrl() + "/_devtenant/tenant")
        .put("certificateFile", certificateFile.toAbsolutePath().normalize().toString());
    JsonObject out = new JsonObject().put("gatewayUrl", gatewayUrl).put("tenantId", tenant.tenantId())
        .put("devtenant", devtenant).put("users", users).put("apps", apps);
    if (managementUrl != null) {
      out.put("managementUrl", managementUrl);
    }
    if (upstreamUrl != null) {
      out.put("upstreamUrl", upstreamUrl);
    }
    if (scimUrl != null) {
      out.put("scim", new JsonObject().put("baseUrl", scimUrl).put("token", scimToken)
          .put("provisioning", tenant.baseUrl() + "/_devtenant/provisioning"));
    }
    if (!privileged.isEmpty()) {
      JsonArray tries = new JsonArray();
      privileged.forEach(t -> tries.add(t.json(gatewayUrl)));
      out.put("privilegedAccess", tries);
    }
    return out;
  }

  /**
   * The privileged-access routes for the banner: each URL with what it needs, then per user what
   * happens there; empty when there are none.
   */
  public String privilegedText() {
    StringBuilder b = new StringBuilder();
    for (PrivilegedTryout t : privileged) {
      b.append("     ").append(t.url(gatewayUrl)).append("  - needs ").append(t.requires()).append(":\n");
      for (PrivilegedTryout.Attempt a : t.attempts()) {
        String who = a.upn().replaceFirst("@.*", "") + " (" + a.password() + ")";
        wrap(b, "       " + String.format("%-20s ", who), a.what());
      }
    }
    return b.toString();
  }

  /** Words onto lines of at most 100 characters, continuation lines indented under the first's text. */
  private static void wrap(StringBuilder b, String lead, String text) {
    String indent = " ".repeat(lead.length());
    StringBuilder line = new StringBuilder(lead);
    for (String word : text.split(" ")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > 100) {
        b.append(line.toString().stripTrailing()).append('\n');
        line = new StringBuilder(indent);
      }
      line.append(word).append(' ');
    }
    b.append(line.toString().stripTrailing()).append('\n');
  }

  /** The users table printed at start-up. */
  public String usersText() {
    StringBuilder b = new StringBuilder();
    for (Scenario.UserSpec u : scenario.users()) {
      b.append(String.format("    %-45s %-16s %s%n", u.upn(), u.password(),
          u.accountEnabled() ? u.displayName() : u.displayName() + " (disabled)"));
    }
    return b.toString();
  }
}
