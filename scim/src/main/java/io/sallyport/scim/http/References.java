package io.sallyport.scim.http;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.spi.ScimStorage;
import io.vertx.core.Future;
import java.util.List;

/** Group members or a user's groups from the storage's member index, fetched only when wanted. */
final class References {

  private final ScimStorage storage;

  References(ScimStorage storage) {
    this.storage = storage;
  }

  /** The ids, or null (not fetched, not rendered) when {@code wanted} is false. */
  Future<List<String>> of(ResourceKind kind, String id, boolean wanted) {
    if (!wanted) {
      return Future.succeededFuture(null);
    }
    return kind == ResourceKind.GROUP ? storage.members(id) : storage.groupsOf(id);
  }
}
