package io.sallyport.devtenant.state;

import java.time.Instant;
import java.util.List;

/**
 * A directory user. {@code appRoles} holds "{appId}/{role value}" assignments; tokens issued
 * before {@code revokedAt} are refused (CAE) and their refresh tokens no longer redeem.
 */
public record User(String id, String upn, String displayName, String givenName, String surname, String mail,
    String jobTitle, String department, String password, boolean mfaRegistered, boolean accountEnabled,
    List<String> appRoles, Instant createdAt, Instant revokedAt) {

  public User withAccountEnabled(boolean enabled) {
    return new User(id, upn, displayName, givenName, surname, mail, jobTitle, department, password, mfaRegistered,
        enabled, appRoles, createdAt, revokedAt);
  }

  public User withRevokedAt(Instant at) {
    return new User(id, upn, displayName, givenName, surname, mail, jobTitle, department, password, mfaRegistered,
        accountEnabled, appRoles, createdAt, at);
  }

  /** True if a token issued at {@code issuedAt} was revoked by a later revocation. */
  public boolean revokes(Instant issuedAt) {
    return revokedAt != null && !issuedAt.isAfter(revokedAt);
  }
}
