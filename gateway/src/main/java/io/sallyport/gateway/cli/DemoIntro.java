package io.sallyport.gateway.cli;

import io.sallyport.gateway.demo.DemoFacts;
import java.nio.file.Path;

/**
 * What the demo prints for a newcomer: where everything is, who can sign in, and what to try with
 * what the gateway supports today (public routes, browser sign-in, MFA step-up on an auth-context
 * route, bearer tokens, request ids and header hygiene, the PIM wall with activation, terms of use and
 * access packages), plus the tenant itself (tokens, Graph).
 */
final class DemoIntro {

  private DemoIntro() {}

  static String text(DemoFacts f, Path json) {
    String tenant = f.tenant().baseUrl();
    String tid = f.tenant().tenantId();
    String sallyport = f.scenario().apps().get(0).appId();
    return """

        Sallyport demo is running.
          gateway          %s
          management       %sreadyz   (also /healthz, /metrics; loopback only)
          demo upstream    %s
          devtenant        %s/   (tenant %s: a local Entra ID + Microsoft Graph stand-in)
          devtenant cert   %s
        %s%s
        Users (UPN, password):
        %s
        Things to try:
          1. %s  - a public route: the upstream page shows the headers it received
             (X-Forwarded-*, X-Request-Id; a spoofed X-Sallyport-User sent by you never arrives).
          2. %sadmin  - a protected route: your browser is sent to sign in (devtenant's pages, as
             Entra's; the browser will warn about devtenant's self-signed certificate: accept it).
             Sign in as alice and you are back on /admin; the page shows the identity Sallyport
             sent (the signed assertion's claims). An API client without a token gets 401; with one:
             curl --cacert %s -s -X POST %s/_devtenant/tokens -d '{"user":"alice","client":"Demo CLI","audience":"api://sallyport"}'
             curl -H "Authorization: Bearer <access_token>" %sadmin
          3. %sadmin/privileged  - needs auth context c1 (MFA): after a password-only sign-in you
             are sent back to the tenant, asked for the MFA code (devtenant shows it on the page),
             and let through. Sign out at %s.sallyport/logout (it ends the tenant's session too).
             Tenant id %s, Sallyport's client id %s; why a request was denied:
             sallyport explain --management %s --path /admin/privileged --user alice@sallyport-demo.onmicrosoft.com
          4. Mint a token and call Graph (see docs/devtenant.md):
             curl --cacert %s -s -X POST %s/_devtenant/tokens -d '{"client":"Sallyport","audience":"https://graph.microsoft.com"}'
             curl --cacert %s -H "Authorization: Bearer <token>" %s/v1.0/users
          5. Bob is eligible for Security Reader but not active: PIM state is at
             %s/v1.0/roleManagement/directory/roleAssignmentScheduleInstances
        %s""".formatted(f.gatewayUrl(), f.managementUrl(), f.upstreamUrl(), tenant, tid,
        f.certificateFile().toAbsolutePath().normalize(),
        json == null ? "" : "  facts as JSON    " + json.toAbsolutePath() + "\n",
        f.scimUrl() == null ? "" : "  SCIM 2.0         " + f.scimUrl() + "   (Bearer token in demo.json; devtenant provisions"
            + " its users and groups here, as Entra does)\n",
        f.usersText(), f.gatewayUrl(), f.gatewayUrl(), f.certificateFile().toAbsolutePath().normalize(), tenant,
        f.gatewayUrl(), f.gatewayUrl(), f.gatewayUrl(), tid, sallyport, f.managementUrl().replaceAll("/$", ""),
        f.certificateFile().toAbsolutePath().normalize(), tenant, f.certificateFile().toAbsolutePath().normalize(), tenant,
        tenant, privileged(f));
  }

  /** Item 6, when the gateway has routes that need PIM, terms of use or an access package. */
  private static String privileged(DemoFacts f) {
    String routes = f.privilegedText();
    return routes.isEmpty() ? "" : """
          6. Privileged access, checked through Microsoft Graph on every request. Sign in as each user
             (sign out between them at %s.sallyport/logout); the same is in demo.json (privilegedAccess).
             %s.sallyport/my-access shows a signed-in user all of it, with the way through each wall:
        """.formatted(f.gatewayUrl(), f.gatewayUrl()) + routes;
  }
}
