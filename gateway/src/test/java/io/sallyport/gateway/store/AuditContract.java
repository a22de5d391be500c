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

  @Test
  void auditAppendAllWritesTheBatchInOrderInOneGo() {
    String actor = "batch-" + uid();
    Instant at = Instant.parse("2031-01-01T00:00:00Z");
    List<AuditEvent> batch = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      batch.add(new AuditEvent(uid(), at, "access.denied", actor, "api", null,
          new JsonObject().put("i", i).put("count", i + 1)));
    }
    await(store.audit().appendAll(batch));
    await(store.audit().appendAll(List.of()));
    AuditPage page = await(store.audit().page(AuditQuery.newest(1000).actor(actor)));
    // one instant for all: the order left is append order, which must be the list's
    assertThat(page.events()).hasSize(120);
    assertThat(page.events().get(0).details().getInteger("i")).isEqualTo(119);
    assertThat(page.events().get(119).details().getInteger("i")).isZero();
    assertThat(page.events().get(0).details().getInteger("count")).isEqualTo(120);
    assertThat(page.events().get(5).type()).isEqualTo("access.denied");
  }

  @Test
  void auditAppendAllIsAllOrNothing() {
    String actor = "atomic-" + uid();
    AuditEvent old = new AuditEvent(uid(), Instant.parse("2031-02-01T00:00:00Z"), "access.allowed", actor,
        null, null, null);
    await(store.audit().append(old));
    AuditEvent fresh = new AuditEvent(uid(), old.at(), "access.allowed", actor, null, null, null);
    // a clash with an older row, and a clash inside the batch: neither leaves a partial batch
    assertFailsWith(store.audit().appendAll(List.of(fresh, old)), UniquenessException.class);
    AuditEvent twin = new AuditEvent(uid(), old.at(), "access.allowed", actor, null, null, null);
    assertFailsWith(store.audit().appendAll(List.of(twin, twin)), UniquenessException.class);
    assertThat(await(store.audit().page(AuditQuery.newest(10).actor(actor))).events())
        .extracting(AuditEvent::id).containsExactly(old.id());
  }

  private static List<String> ids(AuditPage page) {
    return page.events().stream().map(AuditEvent::id).toList();
  }
}
