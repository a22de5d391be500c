package io.sallyport.gateway.store;

import java.util.List;

/**
 * One page of an offset-paged listing.
 *
 * @param items  at most {@code limit} items, in the listing's stable order
 * @param total  how many items the whole listing holds (SCIM {@code totalResults})
 * @param offset zero-based index of the first item
 * @param limit  the page size asked for
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {
  public Page {
    items = List.copyOf(items);
  }

  public boolean hasMore() {
    return offset + items.size() < total;
  }
}
