package io.sallyport.gateway.store;

/**
 * A write named a row that does not exist (or, for sessions, is expired or revoked). Reads report
 * absence as an empty {@code Optional} instead.
 */
public final class NotFoundException extends StoreException {
  private final String entity;
  private final String id;

  public NotFoundException(String entity, String id) {
    super(entity + " " + id + " not found; expected an existing " + entity);
    this.entity = entity;
    this.id = id;
  }

  public String entity() {
    return entity;
  }

  public String id() {
    return id;
  }
}
