package io.sallyport.devtenant.token;

import io.sallyport.devtenant.state.AppRegistration;

/**
 * Who a token is for: a registered app (its {@code requestedAccessTokenVersion} picks v1 or v2) or
 * Microsoft Graph (always v1-shaped, proprietary, CAE-capable). {@code requested} is the audience
 * as the client named it: a v1 token's {@code aud} may be the App ID URI.
 */
public record Audience(AppRegistration app, String requested) {

  public static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
  public static final String GRAPH_RESOURCE = "https://graph.microsoft.com";

  public static Audience graph() {
    return new Audience(null, GRAPH_RESOURCE);
  }

  public boolean isGraph() {
    return app == null;
  }

  public int version() {
    return isGraph() ? 1 : app.accessTokenVersion();
  }

  public String appId() {
    return isGraph() ? GRAPH_APP_ID : app.appId();
  }
}
