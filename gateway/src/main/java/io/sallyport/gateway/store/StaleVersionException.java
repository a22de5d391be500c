package io.sallyport.gateway.store;

/**
 * A compare-and-swap lost: the row changed since the caller read it (SCIM: 412, sessions: reload
 * and retry). The caller's copy is stale; the store never merges.
 */
public final class StaleVersionException extends StoreException {
  private final String entity;
  private final String id;
  private final long expectedVersion;

  public StaleVersionException(String entity, String id, long expectedVersion) {
    super(entity + " " + id + " is no longer at version " + expectedVersion
        + "; expected the version last read, reload and retry");
    this.entity = entity;
    this.id = id;
    this.expectedVersion = expectedVersion;
  }

  public String entity() {
    return entity;
  }

  public String id() {
    return id;
  }

  public long expectedVersion() {
    return expectedVersion;
  }
}
