package io.sallyport.gateway.config;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;

/**
 * {@code assertion:}: the signed identity assertion the gateway sends upstream with every
 * request of a signed-in caller.
 *
 * @param enabled     send the signed assertion header (default true)
 * @param issuer      its {@code iss} claim (default {@code sallyport})
 * @param lifetime    {@code exp - iat}; 5s..10m, default 60s
 * @param keyFile     an operator-supplied PEM PKCS#8 key (RSA, or EC P-256 with its public key); null to
 *                    keep generated (ES256) keys in the store
 * @param key         that file's key pair, read and checked when the configuration is loaded (never on an
 *                    event loop); null without a key file. Never logged (see {@link #toString()})
 * @param headerUser  also send plain {@code X-Sallyport-User} / {@code X-Sallyport-Upn} (default true)
 */
public record AssertionConfig(boolean enabled, String issuer, Duration lifetime, Path keyFile,
                              KeyPair key, boolean headerUser) {

  public static final String DEFAULT_ISSUER = "sallyport";
  public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);

  /** What a configuration without an {@code assertion:} section gets. */
  public static AssertionConfig defaults() {
    return new AssertionConfig(true, DEFAULT_ISSUER, DEFAULT_LIFETIME, null, null, true);
  }

  @Override
  public String toString() {
    return "AssertionConfig[enabled=" + enabled + ", issuer=" + issuer + ", lifetime=" + lifetime
        + ", keyFile=" + keyFile + ", key=" + (key == null ? "none" : "***") + ", headerUser=" + headerUser + "]";
  }
}
