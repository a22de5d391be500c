package io.sallyport.gateway.directory;

import io.sallyport.scim.http.ScimAuth;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The configured SCIM bearer tokens, held only as SHA-256 digests. A presented token is hashed and
 * compared with {@link MessageDigest#isEqual} against every digest, without stopping at a match:
 * the time taken depends neither on the token's length nor on how much of it is right, nor on
 * which of several rotating tokens it is. Tokens never reach a log or a message.
 */
public final class ScimTokens implements ScimAuth {

  private final byte[][] digests;

  private ScimTokens(byte[][] digests) {
    this.digests = digests;
  }

  /** @param hexDigests lower- or upper-case hex SHA-256 digests, as {@code ScimConfig} holds them */
  public static ScimTokens of(List<String> hexDigests) {
    byte[][] d = new byte[hexDigests.size()][];
    for (int i = 0; i < d.length; i++) {
      d[i] = HexFormat.of().parseHex(hexDigests.get(i));
      if (d[i].length != 32) {
        throw new IllegalArgumentException("token digest " + i + " has " + d[i].length
            + " bytes; expected a 32-byte SHA-256");
      }
    }
    return new ScimTokens(d);
  }

  /** True when {@code token} is one of the configured tokens; false for null or empty. */
  public boolean matches(String token) {
    if (token == null || token.isEmpty()) {
      return false;
    }
    byte[] presented = sha256(token);
    boolean match = false;
    for (byte[] d : digests) {
      match |= MessageDigest.isEqual(d, presented);
    }
    return match;
  }

  @Override
  public Future<Boolean> allows(String bearerToken) {
    return Future.succeededFuture(matches(bearerToken));
  }

  public int size() {
    return digests.length;
  }

  @Override
  public String toString() {
    return "ScimTokens[" + digests.length + " token(s)]";
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
