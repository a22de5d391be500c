package io.sallyport.devtenant.token;

import java.time.Instant;
import java.util.List;

/**
 * What happened at sign-in, carried from the authorize step (or a grant) into every token minted
 * from it: methods used ({@code amr}: pwd, mfa), satisfied auth contexts ({@code acrs}), when the
 * user authenticated, the sign-in session id, the ID token nonce, and the client's capabilities
 * ({@code xms_cc}, e.g. cp1).
 */
public record AuthFacts(List<String> amr, List<String> acrs, Instant authTime, String sid, String nonce,
    List<String> clientCapabilities) {

  public static AuthFacts password(Instant at, String sid) {
    return new AuthFacts(List.of("pwd"), List.of(), at, sid, null, List.of());
  }

  public boolean mfa() {
    return amr.contains("mfa");
  }

  public AuthFacts withNonce(String n) {
    return new AuthFacts(amr, acrs, authTime, sid, n, clientCapabilities);
  }

  public AuthFacts withCapabilities(List<String> caps) {
    return new AuthFacts(amr, acrs, authTime, sid, nonce, List.copyOf(caps));
  }

  public AuthFacts withAcrs(List<String> contexts) {
    return new AuthFacts(amr, List.copyOf(contexts), authTime, sid, nonce, clientCapabilities);
  }
}
