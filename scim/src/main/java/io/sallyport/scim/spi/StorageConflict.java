package io.sallyport.scim.spi;

/**
 * Storage refused a write: {@code UNIQUENESS} (userName or group displayName taken),
 * {@code STALE} (the version changed since it was read), {@code MISSING} (no such resource).
 */
public final class StorageConflict extends RuntimeException {

  public enum Kind { UNIQUENESS, STALE, MISSING }

  private final Kind kind;

  public StorageConflict(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
