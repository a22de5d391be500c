package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.http.EntraError;
import io.sallyport.devtenant.state.AppRegistration;
import io.sallyport.devtenant.state.TenantState;
import io.sallyport.devtenant.token.Audience;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A v2 {@code scope} parameter resolved as Entra does: the OIDC scopes apart, every other scope names
 * one resource ({@code https://graph.microsoft.com/User.Read}, a bare {@code User.Read} = Graph,
 * {@code api://sallyport/access_as_user}, {@code {appId}/.default}) and a permission on it. One
 * request may name only one resource. With no resource at all the token is for Graph, as in Entra.
 */
record ScopeRequest(Set<String> oidc, Audience audience, String prefix, List<String> permissions) {

  static final Set<String> OIDC = Set.of("openid", "profile", "email", "offline_access");

  static ScopeRequest parse(String raw, TenantState state) {
    Set<String> oidc = new LinkedHashSet<>();
    Audience audience = null;
    String prefix = null;
    List<String> perms = new ArrayList<>();
    for (String s : raw == null ? new String[0] : raw.trim().split("\\s+")) {
      if (s.isEmpty()) {
        continue;
      }
      if (OIDC.contains(s.toLowerCase(Locale.ROOT))) {
        oidc.add(s.toLowerCase(Locale.ROOT));
        continue;
      }
      int slash = s.lastIndexOf('/');
      String p = slash < 0 ? Audience.GRAPH_RESOURCE : s.substring(0, slash);
      String perm = slash < 0 ? s : s.substring(slash + 1);
      Audience a = resolve(p, state);
      if (audience != null && !audience.appId().equals(a.appId())) {
        throw new EntraError("invalid_scope", 28000, "Provided value for the input parameter scope is not valid"
            + " because it contains more than one resource. Scope " + raw + " is not valid.");
      }
      audience = a;
      prefix = prefix == null ? p : prefix;
      if (!perm.isEmpty() && !perms.contains(perm)) {
        perms.add(perm);
      }
    }
    if (audience == null) {
      audience = Audience.graph();
      prefix = Audience.GRAPH_RESOURCE;
    }
    return new ScopeRequest(oidc, audience, prefix, List.copyOf(perms));
  }

  static Audience resolve(String prefix, TenantState state) {
    String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    if (p.equalsIgnoreCase(Audience.GRAPH_RESOURCE) || p.equalsIgnoreCase(Audience.GRAPH_APP_ID)) {
      return Audience.graph();
    }
    AppRegistration app = state.appByAppIdOrUri(p).orElseThrow(() -> new EntraError("invalid_resource", 500011,
        "The resource principal named " + prefix + " was not found in the tenant named " + state.info().displayName()
            + ". This can happen if the application has not been installed by the administrator of the tenant or"
            + " consented to by any user in the tenant. You might have sent your authentication request to the"
            + " wrong tenant."));
    return new Audience(app, p);
  }

  boolean has(String oidcScope) {
    return oidc.contains(oidcScope);
  }

  boolean dotDefault() {
    return permissions.contains(".default");
  }

  /**
   * The delegated permissions the token carries. Graph's are taken as consented (its catalogue is
   * not modelled; {@code .default} means the client's granted Graph permissions); a custom API's
   * must be scopes it exposes, else AADSTS65001 as for a permission nobody consented to.
   */
  List<String> delegated(AppRegistration client) {
    if (audience.isGraph()) {
      Set<String> out = new LinkedHashSet<>();
      if (permissions.isEmpty() || dotDefault()) {
        out.addAll(new TreeSet<>(client.graphPermissions()));
        out.add("User.Read");
      }
      permissions.stream().filter(p -> !p.equals(".default")).forEach(out::add);
      oidc.stream().filter(s -> !s.equals("offline_access")).forEach(out::add);
      return List.copyOf(out);
    }
    Set<String> exposed = audience.app().exposedScopes();
    if (dotDefault()) {
      return List.copyOf(new TreeSet<>(exposed));
    }
    List<String> out = new ArrayList<>();
    for (String p : permissions) {
      String match = exposed.stream().filter(e -> e.equalsIgnoreCase(p)).findFirst()
          .orElseThrow(() -> notConsented(client));
      out.add(match);
    }
    if (out.isEmpty()) {
      throw notConsented(client);
    }
    return out;
  }

  static EntraError notConsented(AppRegistration client) {
    return new EntraError("invalid_grant", 65001, "The user or administrator has not consented to use the"
        + " application with ID '" + client.appId() + "' named '" + client.name() + "'. Send an interactive"
        + " authorization request for this user and resource.", "consent_required", null, 400);
  }

  /** The {@code scope} member of the token response: Graph's bare names, a custom API's full scopes. */
  String responseScope(List<String> granted) {
    if (audience.isGraph()) {
      return String.join(" ", granted);
    }
    return String.join(" ", granted.stream().map(g -> prefix + "/" + g).toList());
  }
}
