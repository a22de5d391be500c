package io.sallyport.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit trail: part of the store contract every database must pass. */
abstract class AuditContract extends SessionContract {

  @Test
  void auditPagesNewestFirstWithStableCursor() {
    String actor = "actor-" + uid();
    Instant base = Instant.parse("2030-01-01T00:00:00Z");
    List<String> appended = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      // pairs share a timestamp, so ordering within one instant rests on append order
      AuditEvent e = new AuditEvent(uid(), base.plusSeconds(i / 2), i % 5 == 0 ? "grant.approved"
          : "session.start", actor, "billing", "req-" + i, new JsonObject().put("i", i));
      await(store.audit().append(e));
      appended.add(e.id());
    }
    List<String> newestFirst = new ArrayList<>(appended);
    java.util.Collections.reverse(newestFirst);

    List<String> seen = new ArrayList<>();
    AuditQuery query = AuditQuery.newest(10).actor(actor);
    AuditPage page = await(store.audit().page(query));
    seen.addAll(ids(page));
    // an event appended mid-paging (newer than everything) must not shift later pages
    await(store.audit().append(new AuditEvent(uid(), base.plusSeconds(3600), "session.start",
        actor, null, null, null)));
    while (page.next().isPresent()) {
      page = await(store.audit().page(query.after(page.nextCursor())));
      seen.addAll(ids(page));
    }
    assertThat(seen).containsExactlyElementsOf(newestFirst);

    AuditPage grants = await(store.audit().page(AuditQuery.newest(100).actor(actor)
        .type("grant.approved")));
    assertThat(grants.events()).hasSize(5).allMatch(e -> e.type().equals("grant.approved"));
    assertThat(grants.nextCursor()).isNull();

    AuditPage window = await(store.audit().page(AuditQuery.newest(100).actor(actor)
        .between(base.plusSeconds(2), base.plusSeconds(4))));
    assertThat(window.events()).hasSize(4)
        .allMatch(e -> !e.at().isBefore(base.plusSeconds(2)) && e.at().isBefore(base.plusSeconds(4)));
    AuditEvent first = window.events().get(0);
    assertThat(first.details().getInteger("i")).isEqualTo(7);
    assertThat(first.route()).isEqualTo("billing");
    assertThat(first.requestId()).isEqualTo("req-7");
  }

  @Test
  void auditRejectsDuplicateIdsAndForgedCursors() {
    AuditEvent e = new AuditEvent(uid(), Instant.now().truncatedTo(ChronoUnit.MICROS),
        "session.start", "a", null, null, null);
    await(store.audit().append(e));
    assertFailsWith(store.audit().append(e), UniquenessException.class);
    assertThat(failure(store.audit().page(AuditQuery.newest(5).after("not-a-cursor"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not-a-cursor");
  }

  private static List<String> ids(AuditPage page) {
    return page.events().stream().map(AuditEvent::id).toList();
  }
}
