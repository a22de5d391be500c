package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.token.AuthFacts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What the identity endpoints remember between requests, in memory and by the scenario clock:
 * sign-in transactions (10 minutes), SSO sessions, authorization codes (10 minutes, single use;
 * a redeemed code is remembered until it would have expired so reuse gets AADSTS54005) and
 * refresh tokens (90 days, rotated on every use).
 */
final class GrantStore {

  static final Duration TRANSACTION_LIFETIME = Duration.ofMinutes(10);
  static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
  static final Duration SESSION_LIFETIME = Duration.ofHours(24);
  static final Duration REFRESH_LIFETIME = Duration.ofDays(90);

  /** An SSO session: who signed in, when, and when (if ever) they passed MFA in it. */
  record Session(String id, String userId, Instant authTime, Instant mfaAt, Instant expiresAt) {
    Session withMfa(Instant at) {
      return new Session(id, userId, authTime, at, expiresAt);
    }
  }

  /** An authorization code, bound to its client, redirect URI, PKCE challenge and sign-in facts. */
  record Code(String code, String clientId, String redirectUri, String userId, String scope, String challenge,
      String challengeMethod, AuthFacts facts, Instant expiresAt, boolean redeemed) {
    Code markRedeemed() {
      return new Code(code, clientId, redirectUri, userId, scope, challenge, challengeMethod, facts, expiresAt, true);
    }
  }

  /** A refresh token: multi-resource, for one client and user, carrying how the user signed in. */
  record Refresh(String token, String clientId, String userId, AuthFacts facts, Instant issuedAt, Instant expiresAt,
      boolean redeemed) {
    Refresh markRedeemed() {
      return new Refresh(token, clientId, userId, facts, issuedAt, expiresAt, true);
    }
  }

  final Expiring<SignInTransaction> transactions;
  final Expiring<Session> sessions;
  final Expiring<Code> codes;
  final Expiring<Refresh> refreshTokens;

  GrantStore(Clock clock) {
    transactions = new Expiring<>(clock, 10_000, SignInTransaction::expiresAt);
    sessions = new Expiring<>(clock, 10_000, Session::expiresAt);
    codes = new Expiring<>(clock, 20_000, Code::expiresAt);
    refreshTokens = new Expiring<>(clock, 50_000, Refresh::expiresAt);
  }
}
