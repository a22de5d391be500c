package io.sallyport.gateway.entra.oidc;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verifies Entra access tokens locally: size, compact form, header ({@code alg} allow-list,
 * {@code kid}, no Graph {@code nonce}), RSA signature with the tenant's cached key, then claims
 * ({@link ClaimRules}). Never asks Entra or Graph about a token. Signature before claims, so an
 * unsigned token learns nothing about which of its claims would have passed.
 *
 * <p>Fails with {@link TokenRejected} (a verdict on the token) or {@link VerifierUnavailable} (the
 * keys cannot be had: fail closed, but do not blame the caller). Put {@link VerifiedTokenCache} in
 * front so each token's signature is checked once.
 */
public final class EntraTokenVerifier {

  private final VerifierOptions options;
  private final JwksKeySource keys;
  private final ClaimRules rules;
  private final Clock clock;
  private final AtomicLong signatureChecks = new AtomicLong();

  public EntraTokenVerifier(VerifierOptions options, JwksKeySource keys, Clock clock) {
    this.options = options;
    this.keys = keys;
    this.rules = new ClaimRules(options);
    this.clock = clock;
  }

  /**
   * A verifier that fetches the tenant's metadata and keys over its own WebClient.
   *
   * @param caPem  PEM certificates to trust for those fetches (a private CA, devtenant); null for
   *               the JVM's default trust store
   */
  public static EntraTokenVerifier create(Vertx vertx, VerifierOptions options, Buffer caPem, Clock clock) {
    WebClientOptions web = new WebClientOptions().setUserAgent("sallyport-gateway")
        .setConnectTimeout((int) options.fetchTimeout().toMillis()).setFollowRedirects(false);
    if (caPem != null) {
      web.setTrustOptions(new PemTrustOptions().addCertValue(caPem));
    }
    return new EntraTokenVerifier(options, new JwksKeySource(WebClient.create(vertx, web), options, clock), clock);
  }

  public Future<VerifiedToken> verify(String compactJwt) {
    try {
      return verifyParsed(parse(compactJwt));
    } catch (TokenRejected e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Verifies the ID token of a sign-in this gateway started: signature with the tenant's keys, issuer
   * and tenant as for access tokens, audience = {@code clientId}, and {@code nonce}. Never cached:
   * each ID token is seen once, at its callback.
   *
   * @return its claims
   */
  public Future<io.vertx.core.json.JsonObject> verifyIdToken(String compactJwt, String clientId, String nonce) {
    CompactJwt jwt;
    try {
      jwt = parse(compactJwt);
    } catch (TokenRejected e) {
      return Future.failedFuture(e);
    }
    String alg = jwt.header().getString("alg");
    return keys.key(jwt.header().getString("kid")).compose(key -> {
      if (!Signatures.verify(alg, key.key(), jwt.signingInput(), jwt.signature())) {
        return Future.failedFuture(new TokenRejected(TokenRejected.SIGNATURE,
            "the ID token's signature does not verify with the tenant's key " + Clip.of(key.kid())));
      }
      try {
        return Future.succeededFuture(rules.idToken(jwt.payload(), key, clock.instant(), clientId, nonce));
      } catch (TokenRejected e) {
        return Future.failedFuture(e);
      }
    });
  }

  /** RSA signature verifications done so far: the cache's proof of work saved. */
  public long signatureChecks() {
    return signatureChecks.get();
  }

  public JwksKeySource keys() {
    return keys;
  }

  public VerifierOptions options() {
    return options;
  }

  private CompactJwt parse(String token) {
    if (token == null || token.isEmpty()) {
      throw new TokenRejected(TokenRejected.MALFORMED, "no token");
    }
    if (token.length() > options.maxTokenLength()) {
      throw new TokenRejected(TokenRejected.TOO_LARGE, "the token has " + token.length()
          + " characters; at most " + options.maxTokenLength() + " are accepted");
    }
    CompactJwt jwt = CompactJwt.parse(token);
    Object alg = jwt.header().getValue("alg");
    if (!(alg instanceof String a) || !options.algorithms().contains(a)) {
      throw new TokenRejected(TokenRejected.ALG, "alg " + (alg == null ? "is missing" : "\"" + Clip.of(alg)
          + "\" is not accepted") + "; expected one of " + options.algorithms());
    }
    if (jwt.header().containsKey("nonce")) {
      // Graph's proprietary tokens carry a header nonce; only Graph can validate them
      throw new TokenRejected(TokenRejected.AUDIENCE, "a Microsoft Graph token (header nonce) is not for this API");
    }
    if (jwt.header().containsKey("crit")) {
      throw new TokenRejected(TokenRejected.MALFORMED, "critical header extensions are not understood here");
    }
    if (jwt.signature().length == 0) {
      throw new TokenRejected(TokenRejected.SIGNATURE, "the token is not signed");
    }
    if (!(jwt.header().getValue("kid") instanceof String kid) || kid.isEmpty()) {
      throw new TokenRejected(TokenRejected.MALFORMED, "the header has no kid; Entra names its signing key");
    }
    return jwt;
  }

  private Future<VerifiedToken> verifyParsed(CompactJwt jwt) {
    String alg = jwt.header().getString("alg");
    return keys.key(jwt.header().getString("kid")).compose(key -> {
      signatureChecks.incrementAndGet();
      if (!Signatures.verify(alg, key.key(), jwt.signingInput(), jwt.signature())) {
        return Future.failedFuture(new TokenRejected(TokenRejected.SIGNATURE,
            "the signature does not verify with the tenant's key " + Clip.of(key.kid())));
      }
      try {
        return Future.succeededFuture(rules.check(jwt.payload(), key, clock.instant()));
      } catch (TokenRejected e) {
        return Future.failedFuture(e);
      }
    });
  }
}
