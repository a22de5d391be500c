package io.sallyport.gateway.demo;

import io.sallyport.devtenant.DevTenant;
import io.sallyport.devtenant.scenario.Scenario;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * What a newcomer (or a script) needs to drive the demo: the URLs, the tenant, the seeded users and
 * their passwords, the apps. Printed for people, written as {@code demo.json} for scripts.
 */
public record DemoFacts(String gatewayUrl, String managementUrl, String upstreamUrl, DevTenant tenant,
    Scenario scenario, Path certificateFile, String scimUrl, String scimToken) {

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
    return out;
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
