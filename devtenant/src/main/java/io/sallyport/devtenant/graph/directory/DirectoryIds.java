package io.sallyport.devtenant.graph.directory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Identifiers and timestamps the directory derives the way Entra does. */
final class DirectoryIds {

  private DirectoryIds() {}

  /**
   * Entra's cloud SID for an object id: {@code S-1-12-1-} followed by the GUID's bytes (in .NET's
   * little-endian layout) read as four little-endian unsigned 32-bit numbers.
   */
  static String securityIdentifier(String objectId) {
    UUID id;
    try {
      id = UUID.fromString(objectId);
    } catch (IllegalArgumentException e) {
      return null;
    }
    ByteBuffer big = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    byte[] b = big.array();
    // .NET Guid.ToByteArray: first three fields little-endian, the last eight bytes as written
    byte[] net = {b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]};
    ByteBuffer le = ByteBuffer.wrap(net).order(ByteOrder.LITTLE_ENDIAN);
    StringBuilder sid = new StringBuilder("S-1-12-1");
    for (int i = 0; i < 4; i++) {
      sid.append('-').append(Integer.toUnsignedString(le.getInt()));
    }
    return sid.toString();
  }

  /** Directory timestamps are whole seconds in UTC ({@code 2019-09-17T19:10:35Z}). */
  static String timestamp(Instant at) {
    return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /**
   * The object id of an activated directory role: in Entra it differs from the role template id and
   * is fixed per tenant, so it is derived from both.
   */
  static String directoryRoleId(String tenantId, String templateId) {
    return UUID.nameUUIDFromBytes(("directoryRole/" + tenantId + "/" + templateId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
