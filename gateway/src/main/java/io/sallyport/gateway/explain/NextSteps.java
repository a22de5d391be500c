package io.sallyport.gateway.explain;

/** What a user or admin does about a failed check, per stable reason code: plain words, one line. */
final class NextSteps {
  private NextSteps() {}

  static String forCode(String code) {
    if (code.startsWith("ca.auth_context_missing:")) {
      String id = code.substring(code.indexOf(':') + 1);
      return "sign in again satisfying Conditional Access authentication context \"" + id + "\"; a client that"
          + " declares cp1 gets the claims challenge from the gateway and does this by itself";
    }
    String base = code.indexOf(':') > 0 ? code.substring(0, code.indexOf(':')) : code;
    switch (base) {
      case "pim.not_active":
        return "activate the PIM assignment (eligible users are offered it on the route's deny page, at"
            + " /.sallyport/activate, or in Entra's My roles), then retry; access lasts as long as the activation";
      case "pim.not_eligible":
        return "an admin makes the user eligible for the role or group in Entra PIM (or assigns it), then the user"
            + " activates it";
      case "tou.not_accepted", "tou.expired":
        return "accept the terms of use in a browser signed in to this gateway (the route sends it to the terms page"
            + " or through Entra's sign-in, which shows them), then retry";
      case "access_package.not_assigned":
        return "request the access package in Entra's My Access portal (or a manager assigns it); access follows"
            + " once the assignment is delivered";
      case "pim.unavailable", "tou.unavailable", "access_package.unavailable":
        return "Microsoft Graph did not answer in time (or refused the gateway): retry shortly; an admin checks"
            + " Graph health in /readyz, the graph metrics and the app's Graph permissions";
      default:
        break;
    }
    return switch (code) {
      case "authn.missing" -> "send an Entra ID access token for this gateway's API in \"Authorization: Bearer\"";
      case "authn.token_in_query" -> "send the token in the Authorization header, never in the query string";
      case "authn.token_expired" -> "get a new access token (MSAL renews it silently) and retry";
      case "authn.token_not_yet_valid" -> "check the client's clock, or retry in a minute";
      case "authn.token_audience" -> "request the token for this gateway's API (its client id or App ID URI as"
          + " the scope's resource), not for another API such as Microsoft Graph";
      case "authn.token_tenant", "authn.token_issuer" -> "sign in with an account of the tenant this gateway"
          + " trusts (tenant.id)";
      case "authn.unavailable" -> "the gateway cannot decide right now (its tenant's signing keys are out of reach,"
          + " or no tenant is configured): an admin checks tenant: and the gateway's log, then retry";
      case "authz.scope_missing" -> "ask for the route's scope when acquiring the token; an admin may have to"
          + " grant consent for it";
      case "authz.role_missing" -> "an admin assigns the app role to the user (or the calling app) in Entra ID:"
          + " Enterprise applications > Users and groups; then get a new token";
      case "authz.group_missing" -> "an admin adds the user to one of the route's groups in Entra ID; then sign"
          + " in again so the new token carries it";
      case "groups.unavailable" -> "the user is in too many groups for a token to list: an admin grants the"
          + " route through an app role instead, or limits the groups claim to assigned groups";
      case "directory.user_unknown" -> "an admin assigns the user to the gateway's enterprise application in Entra"
          + " ID so provisioning creates them in the directory (userName = UPN), then waits for the next cycle or"
          + " provisions on demand";
      case "directory.user_inactive" -> "the account is deactivated (or deleted) in Entra ID and provisioning"
          + " switched it off here: an admin re-enables it in Entra ID; access returns at the next provisioning";
      case "directory.group_missing" -> "an admin adds the user to one of the route's groups in Entra ID (a group"
          + " in the app's provisioning scope); access follows at the next provisioning cycle";
      case "directory.unavailable" -> "the gateway's store cannot be read right now: an admin checks the store"
          + " (readiness on the management listener) and the log; then retry";
      case "ca.mfa_missing" -> "sign in again with MFA; the gateway will ask for it";
      case "ca.auth_too_old" -> "sign in again: the route wants a recent sign-in";
      default -> code.startsWith("authn.token_") ? "get a fresh access token from Entra ID for this gateway's API"
          : "see the reason's detail; docs/explain.md lists every code";
    };
  }
}
