package io.sallyport.gateway.store;

import java.util.List;
import java.util.Optional;

/**
 * One page of audit events, newest first.
 *
 * @param nextCursor opaque position after the last event, or null when this is the last page.
 *     Keyset-based, so events appended while a reader pages never shift or repeat its pages.
 */
public record AuditPage(List<AuditEvent> events, String nextCursor) {
  public AuditPage {
    events = List.copyOf(events);
  }

  public Optional<String> next() {
    return Optional.ofNullable(nextCursor);
  }
}
