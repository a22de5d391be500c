package io.sallyport.gateway.cli;

import io.sallyport.devtenant.DevTenant;
import io.sallyport.devtenant.provisioning.ProvisioningConfig;
import io.sallyport.gateway.config.SallyportConfig;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The demo's provisioning: devtenant plays Entra's provisioning service against the gateway's
 * SCIM endpoint, once at start and then every 40 minutes as Entra does, so the directory the
 * gateway keeps matches the demo tenant. Only when the token the demo chose is one the gateway
 * accepts (a custom --config may configure others).
 */
final class DemoProvisioning {

  private static final SecureRandom RANDOM = new SecureRandom();

  private DemoProvisioning() {}

  static String newToken() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return "demo-scim-" + HexFormat.of().formatHex(b);
  }

  /** Starts provisioning; the SCIM base URL, or null when SCIM is off or the token is not accepted. */
  static String start(SallyportConfig config, DevTenant tenant, String token, PrintStream out, PrintStream err) {
    if (!config.scim().enabled() || !config.scim().tokenDigests().contains(sha256(token))) {
      return null;
    }
    String url = "http://localhost:" + config.listeners().publicListener().port() + config.scim().basePath();
    tenant.provisioner().configure(new ProvisioningConfig(url, token, Duration.ofMinutes(40), null, 4))
        .compose(c -> tenant.provisioner().runOnce())
        .onSuccess(r -> out.println("devtenant provisioned the gateway's SCIM directory: " + r.usersCreated()
            + " user(s) created, " + r.usersUpdated() + " updated, " + r.groupsCreated() + " group(s) created, "
            + r.errors() + " error(s)"))
        .onFailure(e -> err.println("sallyport demo: provisioning into " + url + " failed: " + e.getMessage()));
    return url;
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
