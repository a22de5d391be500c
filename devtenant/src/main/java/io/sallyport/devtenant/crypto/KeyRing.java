package io.sallyport.devtenant.crypto;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tenant's token-signing keys. One key signs; after a rotation the previous key stays in the
 * JWKS until it retires (so tokens it signed still verify), then disappears, so a client that
 * cached the old key set must refetch on the unknown {@code kid}: the case Entra's docs warn about.
 */
public final class KeyRing {

  private final Clock clock;
  private final List<SigningKey> retiring = new ArrayList<>();
  private SigningKey active;

  public KeyRing(Clock clock) {
    this.clock = clock;
    this.active = newKey();
  }

  private SigningKey newKey() {
    KeyPair keys = Certificates.rsaKeyPair();
    // Valid from a day back: a verifier that checks x5c dates (vertx-auth does) must accept it at
    // once even if its clock runs slightly behind, and for 5 years, like Entra's.
    X509Certificate cert = Certificates.selfSigned(keys, "accounts.accesscontrol.devtenant.local", List.of(),
        List.of(), clock.instant().minus(Duration.ofDays(1)), Duration.ofDays(5 * 365));
    return new SigningKey(Certificates.x5t(cert), keys, cert, null);
  }

  public synchronized SigningKey active() {
    return active;
  }

  /** Starts signing with a new key; the old one stays published until {@code now + overlap}. */
  public synchronized SigningKey rotate(Duration overlap) {
    retiring.add(active.retiringAt(clock.instant().plus(overlap)));
    active = newKey();
    return active;
  }

  /** Removes every rotated-out key from the JWKS now. */
  public synchronized int retireAll() {
    int n = retiring.size();
    retiring.clear();
    return n;
  }

  /** The keys a verifier may use right now: the active one first, then those not yet retired. */
  public synchronized List<SigningKey> published() {
    Instant now = clock.instant();
    retiring.removeIf(k -> !now.isBefore(k.retiresAt()));
    List<SigningKey> out = new ArrayList<>();
    out.add(active);
    out.addAll(retiring);
    return out;
  }

  public Optional<SigningKey> find(String kid) {
    return published().stream().filter(k -> k.kid().equals(kid)).findFirst();
  }
}
