package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.crypto.SigningKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;

/**
 * OpenID discovery (v2 and v1) and the JWKS, in the live documents' exact shapes (reference §1.2,
 * §1.3). A tenant document names this tenant's GUID in its issuer and endpoints (what msal4j's
 * oidcAuthority and vertx-auth compare exactly); common and organizations carry Entra's literal
 * {@code {tenantid}} template issuer.
 */
final class DiscoveryRoutes {

  /** Entra serves key sets for a day; clients refetch on an unknown kid when keys roll. */
  static final String KEYS_CACHE = "max-age=86400, private";

  private final Context ctx;
  private final Replies replies;

  DiscoveryRoutes(Context ctx, Replies replies) {
    this.ctx = ctx;
    this.replies = replies;
  }

  void mount(Router router) {
    router.get("/:tenant/v2.0/.well-known/openid-configuration").handler(replies.guard(this::v2));
    router.get("/:tenant/.well-known/openid-configuration").handler(replies.guard(this::v1));
    router.get("/:tenant/discovery/v2.0/keys").handler(replies.guard(rc -> keys(rc, true)));
    router.get("/:tenant/discovery/keys").handler(replies.guard(rc -> keys(rc, false)));
  }

  private TenantRef tenant(RoutingContext rc) {
    return TenantRef.resolve(rc.pathParam("tenant"), ctx.state().info());
  }

  private void v2(RoutingContext rc) {
    TenantRef t = tenant(rc);
    String b = ctx.baseUrl();
    String seg = t.pathSegment();
    String region = t.multi() ? null : "EU";
    JsonObject doc = new JsonObject()
        .put("token_endpoint", b + "/" + seg + "/oauth2/v2.0/token")
        .put("token_endpoint_auth_methods_supported",
            new JsonArray().add("client_secret_post").add("private_key_jwt").add("client_secret_basic"))
        .put("jwks_uri", b + "/" + seg + "/discovery/v2.0/keys")
        .put("response_modes_supported", new JsonArray().add("query").add("fragment").add("form_post"))
        .put("subject_types_supported", new JsonArray().add("pairwise"))
        .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256"))
        .put("response_types_supported",
            new JsonArray().add("code").add("id_token").add("code id_token").add("id_token token"))
        .put("scopes_supported", new JsonArray().add("openid").add("profile").add("email").add("offline_access"))
        .put("issuer", b + "/" + (t.multi() ? "{tenantid}" : t.tenantId()) + "/v2.0")
        .put("request_uri_parameter_supported", false)
        .put("userinfo_endpoint", b + "/oidc/userinfo")
        .put("authorization_endpoint", b + "/" + seg + "/oauth2/v2.0/authorize")
        .put("device_authorization_endpoint", b + "/" + seg + "/oauth2/v2.0/devicecode")
        .put("http_logout_supported", true)
        .put("frontchannel_logout_supported", true)
        .put("end_session_endpoint", b + "/" + seg + "/oauth2/v2.0/logout")
        .put("claims_supported", new JsonArray().add("sub").add("iss").add("cloud_instance_name")
            .add("cloud_instance_host_name").add("cloud_graph_host_name").add("msgraph_host").add("aud").add("exp")
            .add("iat").add("auth_time").add("acr").add("nonce").add("preferred_username").add("name").add("tid")
            .add("ver").add("at_hash").add("c_hash").add("email"))
        .put("kerberos_endpoint", b + "/" + seg + "/kerberos")
        .put("tenant_region_scope", region)
        .put("cloud_instance_name", "microsoftonline.com")
        .put("cloud_graph_host_name", "graph.windows.net")
        .put("msgraph_host", URI.create(b).getAuthority())
        .put("rbac_url", "https://pas.windows.net");
    Replies.json(rc, doc, "max-age=86400, private");
  }

  /** v1 metadata: what a resource validating v1 tokens (iss https://sts.windows.net/{tid}/) reads. */
  private void v1(RoutingContext rc) {
    TenantRef t = tenant(rc);
    String b = ctx.baseUrl();
    String seg = t.pathSegment();
    JsonObject doc = new JsonObject()
        .put("token_endpoint", b + "/" + seg + "/oauth2/token")
        .put("token_endpoint_auth_methods_supported",
            new JsonArray().add("client_secret_post").add("private_key_jwt").add("client_secret_basic"))
        .put("jwks_uri", b + "/common/discovery/keys")
        .put("response_modes_supported", new JsonArray().add("query").add("fragment").add("form_post"))
        .put("subject_types_supported", new JsonArray().add("pairwise"))
        .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256"))
        .put("response_types_supported",
            new JsonArray().add("code").add("id_token").add("code id_token").add("token id_token").add("token"))
        .put("scopes_supported", new JsonArray().add("openid"))
        .put("issuer", "https://sts.windows.net/" + (t.multi() ? "{tenantid}" : t.tenantId()) + "/")
        .put("microsoft_multi_refresh_token", true)
        .put("authorization_endpoint", b + "/" + seg + "/oauth2/authorize")
        .put("device_authorization_endpoint", b + "/" + seg + "/oauth2/devicecode")
        .put("http_logout_supported", true)
        .put("frontchannel_logout_supported", true)
        .put("end_session_endpoint", b + "/" + seg + "/oauth2/logout")
        .put("claims_supported", new JsonArray().add("sub").add("iss").add("cloud_instance_name")
            .add("cloud_instance_host_name").add("cloud_graph_host_name").add("msgraph_host").add("aud").add("exp")
            .add("iat").add("auth_time").add("acr").add("amr").add("nonce").add("email").add("given_name")
            .add("family_name").add("nickname"))
        .put("check_session_iframe", b + "/" + seg + "/oauth2/checksession")
        .put("userinfo_endpoint", b + "/oidc/userinfo")
        .put("kerberos_endpoint", b + "/" + seg + "/kerberos")
        .put("tenant_region_scope", t.multi() ? null : "EU")
        .put("cloud_instance_name", "microsoftonline.com")
        .put("cloud_graph_host_name", "graph.windows.net")
        .put("msgraph_host", URI.create(b).getAuthority())
        .put("rbac_url", "https://pas.windows.net");
    Replies.json(rc, doc, "max-age=86400, private");
  }

  private void keys(RoutingContext rc, boolean v2) {
    tenant(rc);
    // The keys are shared by every tenant, so their issuer is Entra's template, as in the live set.
    String issuer = v2 ? ctx.baseUrl() + "/{tenantid}/v2.0" : "https://sts.windows.net/{tenantid}/";
    JsonArray keys = new JsonArray();
    for (SigningKey k : ctx.keys().published()) {
      keys.add(k.jwk(issuer));
    }
    Replies.json(rc, new JsonObject().put("keys", keys), KEYS_CACHE);
  }
}
