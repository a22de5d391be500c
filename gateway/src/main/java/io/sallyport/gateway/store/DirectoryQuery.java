package io.sallyport.gateway.store;

/**
 * An offset page of users or groups, optionally narrowed by one equality match on an indexed
 * column: the filters Entra provisioning actually sends ({@code userName eq},
 * {@code externalId eq}, {@code displayName eq}). Richer SCIM filters are evaluated above the
 * store.
 *
 * @param field null for no filter
 * @param value compared exactly, except {@link Field#USER_NAME} and {@link Field#DISPLAY_NAME},
 *     which compare case-insensitively like their uniqueness rules
 */
public record DirectoryQuery(Field field, String value, int offset, int limit) {
  public enum Field { ID, EXTERNAL_ID, USER_NAME, DISPLAY_NAME }

  public DirectoryQuery {
    if (offset < 0) {
      throw new IllegalArgumentException("offset " + offset + "; expected 0 or more");
    }
    if (limit < 0 || limit > 1000) {
      throw new IllegalArgumentException("limit " + limit + "; expected 0..1000");
    }
    if ((field == null) != (value == null)) {
      throw new IllegalArgumentException("field and value go together; got " + field + "=" + value);
    }
  }

  public static DirectoryQuery all(int offset, int limit) {
    return new DirectoryQuery(null, null, offset, limit);
  }

  public static DirectoryQuery where(Field field, String value, int offset, int limit) {
    return new DirectoryQuery(field, value, offset, limit);
  }
}
