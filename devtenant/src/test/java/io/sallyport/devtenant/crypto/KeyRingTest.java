package io.sallyport.devtenant.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.devtenant.clock.ScenarioClock;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyRingTest {

  @Test
  void rotationPublishesTheNewKeyAndRetiresTheOldOneAfterTheOverlap() {
    ScenarioClock clock = new ScenarioClock(Clock.systemUTC());
    KeyRing ring = new KeyRing(clock);
    SigningKey first = ring.active();
    SigningKey second = ring.rotate(Duration.ofMinutes(5));
    assertThat(second.kid()).isNotEqualTo(first.kid());
    assertThat(ring.published()).extracting(SigningKey::kid).containsExactly(second.kid(), first.kid());
    assertThat(ring.find(first.kid())).isPresent();
    clock.advance(Duration.ofMinutes(5));
    assertThat(ring.published()).extracting(SigningKey::kid).containsExactly(second.kid());
    assertThat(ring.find(first.kid())).isEmpty();
  }

  @Test
  void retireAllDropsRotatedKeysAtOnce() {
    KeyRing ring = new KeyRing(Clock.systemUTC());
    ring.rotate(Duration.ofDays(1));
    assertThat(ring.retireAll()).isEqualTo(1);
    assertThat(ring.published()).hasSize(1);
  }

  @Test
  void theJwkIsEntrasShapeWithKidEqualToTheCertificateThumbprint() throws Exception {
    SigningKey key = new KeyRing(Clock.systemUTC()).active();
    JsonObject jwk = key.jwk("https://localhost/{tenantid}/v2.0");
    assertThat(jwk.fieldNames()).containsExactly("kty", "use", "kid", "x5t", "n", "e", "x5c", "issuer");
    assertThat(jwk.getString("kid")).isEqualTo(jwk.getString("x5t")).isEqualTo(Certificates.x5t(key.certificate()));
    assertThat(jwk.getString("e")).isEqualTo("AQAB");
    byte[] der = Base64.getDecoder().decode(jwk.getJsonArray("x5c").getString(0));
    assertThat(der).isEqualTo(key.certificate().getEncoded());
    // the certificate is valid now, or verifiers that check x5c dates (vertx-auth) drop the key
    key.certificate().checkValidity();
    assertThat(Base64.getUrlDecoder().decode(jwk.getString("n"))).hasSize(256);
  }
}
