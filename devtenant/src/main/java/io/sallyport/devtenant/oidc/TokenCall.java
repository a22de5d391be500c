package io.sallyport.devtenant.oidc;

import io.vertx.ext.web.RoutingContext;

/** One token request: its form, the tenant it was sent to, and the client it authenticated as. */
record TokenCall(RoutingContext rc, TenantRef tenant, ClientAuth.Client client) {

  String param(String name) {
    return Replies.param(rc, name);
  }

  String required(String name) {
    String v = param(name);
    if (v == null) {
      throw Replies.missing(name);
    }
    return v;
  }

  /** MSAL sends client_info=1 and builds its account from the answer. */
  boolean wantsClientInfo() {
    return "1".equals(param("client_info"));
  }

  ClaimsRequest claims() {
    return ClaimsRequest.parse(param("claims"));
  }
}
