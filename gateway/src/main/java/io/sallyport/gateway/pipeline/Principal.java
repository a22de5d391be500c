package io.sallyport.gateway.pipeline;

import java.util.List;

/**
 * Who a request is from, as the access decision established it: what the identity assertion,
 * the access log and the audit trail say about the caller. Identity across services is
 * {@code tenantId} + {@code oid}; {@code upn} and {@code name} are for display.
 *
 * @param tenantId   the caller's tenant ({@code tid})
 * @param oid        the user's (or the calling app's service principal's) object id; null when unknown
 * @param name       display name, or null
 * @param upn        user principal name, or null (app-only tokens)
 * @param appId      the client the token was issued to, or null
 * @param groups     the caller's groups that matter to the route (the ones its {@code require.groups}
 *                   names and the caller holds); empty when the route names none
 * @param sessionId  the browser session the request came with, or null for a bearer token
 */
public record Principal(String tenantId, String oid, String name, String upn, String appId,
                        List<String> groups, String sessionId) {

  public Principal {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  /** What logs show: the UPN, else the object id, else {@code app:<client id>}. */
  public String label() {
    if (upn != null) {
      return upn;
    }
    return oid != null ? oid : "app:" + appId;
  }
}
