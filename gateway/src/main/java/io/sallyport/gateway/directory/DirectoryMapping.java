package io.sallyport.gateway.directory;

import io.sallyport.gateway.store.DirectoryGroup;
import io.sallyport.gateway.store.DirectoryQuery;
import io.sallyport.gateway.store.DirectoryUser;
import io.sallyport.gateway.store.NotFoundException;
import io.sallyport.gateway.store.StaleVersionException;
import io.sallyport.gateway.store.UniquenessException;
import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.sallyport.scim.spi.IndexedMatch;
import io.sallyport.scim.spi.StorageConflict;
import io.sallyport.scim.spi.StoredResource;
import io.vertx.core.json.JsonObject;

/**
 * SCIM resources to store records and back: the indexed columns are lifted out of the attributes
 * (which are kept whole), matches become store queries, store failures become SPI conflicts.
 */
final class DirectoryMapping {
  // the store's column widths (V1__store.sql): longer values are a client's 400, not a database error
  static final int MAX_USER_NAME = 512;
  static final int MAX_DISPLAY_NAME = 512;
  static final int MAX_EXTERNAL_ID = 255;

  private DirectoryMapping() {}

  static DirectoryUser user(String id, JsonObject attributes, long version) {
    JsonObject a = stored(attributes, false);
    String userName = column(a, "userName", MAX_USER_NAME, true);
    return new DirectoryUser(id, column(a, "externalId", MAX_EXTERNAL_ID, false), userName, active(a),
        column(a, "displayName", MAX_DISPLAY_NAME, false), a, version, null, null);
  }

  static DirectoryGroup group(String id, JsonObject attributes, long version) {
    JsonObject a = stored(attributes, true);
    return new DirectoryGroup(id, column(a, "externalId", MAX_EXTERNAL_ID, false),
        column(a, "displayName", MAX_DISPLAY_NAME, true), a, version, null, null);
  }

  static StoredResource resource(DirectoryUser u) {
    return new StoredResource(u.id(), u.attributes(), u.version(), u.created(), u.lastModified());
  }

  static StoredResource resource(DirectoryGroup g) {
    return new StoredResource(g.id(), g.attributes(), g.version(), g.created(), g.lastModified());
  }

  /**
   * An absent {@code active} means active: RFC 7643 gives it no default, Entra always sends it,
   * and a directory entry nobody switched off is not a deprovisioned one. The scim module hands
   * booleans; the string forms Entra sends without {@code aadOptscim062020} are read too, so a
   * stored "False" can never count as active.
   */
  static boolean active(JsonObject a) {
    Object v = a.getValue("active");
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      return !s.equalsIgnoreCase("false");
    }
    return true;
  }

  static DirectoryQuery query(ResourceKind kind, IndexedMatch match, int offset, int limit) {
    if (match == null) {
      return DirectoryQuery.all(offset, limit);
    }
    String attr = match.attribute();
    DirectoryQuery.Field field = "id".equalsIgnoreCase(attr) ? DirectoryQuery.Field.ID
        : "externalId".equalsIgnoreCase(attr) ? DirectoryQuery.Field.EXTERNAL_ID
        : "displayName".equalsIgnoreCase(attr) ? DirectoryQuery.Field.DISPLAY_NAME
        : "userName".equalsIgnoreCase(attr) && kind == ResourceKind.USER ? DirectoryQuery.Field.USER_NAME
        : null;
    if (field == null) {
      throw ScimException.badRequest(ScimType.INVALID_FILTER, "\"" + attr + "\" is not an indexed "
          + kind.type() + " attribute; expected one of " + (kind == ResourceKind.USER
          ? IndexedMatch.USER_ATTRIBUTES : IndexedMatch.GROUP_ATTRIBUTES));
    }
    return DirectoryQuery.where(field, match.value(), offset, limit);
  }

  /** Store failures in SPI terms; anything else (storage unavailable) passes through unchanged. */
  static Throwable conflict(Throwable t) {
    if (t instanceof UniquenessException u) {
      return new StorageConflict(StorageConflict.Kind.UNIQUENESS, u.getMessage());
    }
    if (t instanceof StaleVersionException s) {
      return new StorageConflict(StorageConflict.Kind.STALE, s.getMessage());
    }
    if (t instanceof NotFoundException n) {
      return new StorageConflict(StorageConflict.Kind.MISSING, n.getMessage());
    }
    return t;
  }

  /** NUL cannot be stored in a PostgreSQL text column; nothing stored can contain it. */
  static boolean storable(String s) {
    return s == null || s.indexOf('\0') < 0;
  }

  /** A copy without what the SPI says storage never holds: id, meta, and a group's members. */
  private static JsonObject stored(JsonObject attributes, boolean group) {
    JsonObject a = attributes == null ? new JsonObject() : attributes.copy();
    a.remove("id");
    a.remove("meta");
    if (group) {
      a.remove("members");
    }
    return a;
  }

  private static String column(JsonObject a, String name, int max, boolean required) {
    Object v = a.getValue(name);
    if (v == null) {
      if (required) {
        throw ScimException.badRequest(ScimType.INVALID_VALUE, "\"" + name + "\" is required");
      }
      return null;
    }
    if (!(v instanceof String s)) {
      throw ScimException.badRequest(ScimType.INVALID_VALUE, "\"" + name + "\" must be a string, got "
          + v.getClass().getSimpleName());
    }
    if (required && s.isBlank()) {
      throw ScimException.badRequest(ScimType.INVALID_VALUE, "\"" + name + "\" must not be empty");
    }
    if (s.codePointCount(0, s.length()) > max) {
      throw ScimException.badRequest(ScimType.INVALID_VALUE, "\"" + name + "\" is "
          + s.codePointCount(0, s.length()) + " characters long; expected at most " + max);
    }
    if (!storable(s)) {
      throw ScimException.badRequest(ScimType.INVALID_VALUE, "\"" + name + "\" contains a NUL character");
    }
    return s;
  }
}
