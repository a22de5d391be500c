package io.sallyport.gateway.cli;

import io.sallyport.gateway.demo.DemoFacts;
import java.nio.file.Path;

/**
 * What the demo prints for a newcomer: where everything is, who can sign in, and what to try with
 * what the gateway supports today (public routes, fail-closed protected routes, request ids and
 * header hygiene), plus the tenant itself (sign-in, MFA step-up, terms of use, tokens, Graph).
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
          2. %sadmin  - a protected route: 401 without a token (the gateway fails closed). With
             an Entra access token from the tenant it passes (browser sign-in comes next):
             curl --cacert %s -s -X POST %s/_devtenant/tokens -d '{"user":"alice","client":"Demo CLI","audience":"api://sallyport"}'
             curl -H "Authorization: Bearer <access_token>" %sadmin
          3. Sign in at the tenant itself, with MFA step-up (auth context c1) and terms of use (c2):
             %s/%s/oauth2/v2.0/authorize?client_id=%s&response_type=code&redirect_uri=http%%3A%%2F%%2Flocalhost%%3A8080%%2F.sallyport%%2Fcallback&scope=openid&claims=%%7B%%22access_token%%22%%3A%%7B%%22acrs%%22%%3A%%7B%%22essential%%22%%3Atrue%%2C%%22value%%22%%3A%%22c2%%22%%7D%%7D%%7D
          4. Mint a token and call Graph (see docs/devtenant.md):
             curl --cacert %s -s -X POST %s/_devtenant/tokens -d '{"client":"Sallyport","audience":"https://graph.microsoft.com"}'
             curl --cacert %s -H "Authorization: Bearer <token>" %s/v1.0/users
          5. Bob is eligible for Security Reader but not active: PIM state is at
             %s/v1.0/roleManagement/directory/roleAssignmentScheduleInstances
        """.formatted(f.gatewayUrl(), f.managementUrl(), f.upstreamUrl(), tenant, tid,
        f.certificateFile().toAbsolutePath().normalize(),
        json == null ? "" : "  facts as JSON    " + json.toAbsolutePath() + "\n",
        f.scimUrl() == null ? "" : "  SCIM 2.0         " + f.scimUrl() + "   (Bearer token in demo.json; devtenant provisions"
            + " its users and groups here, as Entra does)\n",
        f.usersText(), f.gatewayUrl(), f.gatewayUrl(), f.certificateFile().toAbsolutePath().normalize(), tenant,
        f.gatewayUrl(), tenant, tid, sallyport,
        f.certificateFile().toAbsolutePath().normalize(), tenant, f.certificateFile().toAbsolutePath().normalize(), tenant, tenant);
  }
}
