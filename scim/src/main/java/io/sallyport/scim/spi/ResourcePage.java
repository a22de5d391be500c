package io.sallyport.scim.spi;

import java.util.List;

/** One offset page of a listing in the storage's stable order, with the listing's total. */
public record ResourcePage(List<StoredResource> items, long total) {

  public ResourcePage {
    items = List.copyOf(items);
  }
}
