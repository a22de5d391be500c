package io.sallyport.gateway.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.store.AuditQuery;
import io.sallyport.gateway.store.DirectoryUser;
import io.sallyport.gateway.store.StoredSession;
import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.sallyport.scim.spi.IndexedMatch;
import io.sallyport.scim.spi.ResourcePage;
import io.sallyport.scim.spi.StorageConflict;
import io.sallyport.scim.spi.StoredResource;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SCIM storage SPI on the store, run unchanged on H2 ({@link H2StoreScimStorageIT}) and
 * PostgreSQL ({@link PostgresStoreScimStorageIT}).
 */
abstract class StoreScimStorageIT extends StorageFixture {

  static JsonObject userBody(String userName) {
    return new JsonObject().put("schemas", new JsonArray().add(ResourceKind.USER.coreSchema()))
        .put("userName", userName).put("externalId", "ext-" + uid()).put("active", true)
        .put("displayName", "Display " + userName).put("name", new JsonObject().put("givenName", "G"))
        .put("id", "ignored").put("meta", new JsonObject().put("resourceType", "User"));
  }

  StoredResource createUser(String userName) {
    return await(storage.create(ResourceKind.USER, uid(), userBody(userName)));
  }

  @Test
  void userRoundTripKeepsTheBodyAndLiftsTheIndexedColumns() {
    String id = uid();
    JsonObject body = userBody("Alice." + id + "@Example.com");
    StoredResource created = await(storage.create(ResourceKind.USER, id, body));
    assertThat(created.id()).isEqualTo(id);
    assertThat(created.version()).isEqualTo(1);
    assertThat(created.attributes().containsKey("id")).isFalse();
    assertThat(created.attributes().containsKey("meta")).isFalse();
    assertThat(created.attributes().getJsonObject("name")).isEqualTo(new JsonObject().put("givenName", "G"));
    assertThat(await(storage.get(ResourceKind.USER, id))).contains(created);
    DirectoryUser row = await(store.directory().user(id)).orElseThrow();
    assertThat(row.userName()).isEqualTo(body.getString("userName"));
    assertThat(row.externalId()).isEqualTo(body.getString("externalId"));
    assertThat(row.displayName()).isEqualTo(body.getString("displayName"));
    assertThat(row.active()).isTrue();

    StoredResource replaced = await(storage.replace(ResourceKind.USER, id,
        created.attributes().put("displayName", "Alice A."), 1));
    assertThat(replaced.version()).isEqualTo(2);
    assertThat(replaced.created()).isEqualTo(created.created());
    assertThat(await(store.directory().user(id)).orElseThrow().displayName()).isEqualTo("Alice A.");
    assertThat(await(storage.delete(ResourceKind.USER, id))).isTrue();
    assertThat(await(storage.delete(ResourceKind.USER, id))).isFalse();
    assertThat(await(storage.get(ResourceKind.USER, id))).isEmpty();
  }

  @Test
  void conflictsAreTypedForTheProtocolLayer() {
    StoredResource a = createUser("bob-" + uid());
    String taken = a.attributes().getString("userName");
    assertThat(kind(storage.create(ResourceKind.USER, uid(), userBody(taken.toUpperCase(java.util.Locale.ROOT)))))
        .isEqualTo(StorageConflict.Kind.UNIQUENESS);
    assertThat(kind(storage.create(ResourceKind.USER, a.id(), userBody("other-" + uid()))))
        .isEqualTo(StorageConflict.Kind.UNIQUENESS);
    assertThat(kind(storage.replace(ResourceKind.USER, a.id(), a.attributes(), 7)))
        .isEqualTo(StorageConflict.Kind.STALE);
    assertThat(kind(storage.replace(ResourceKind.USER, "nobody-" + uid(), a.attributes(), 1)))
        .isEqualTo(StorageConflict.Kind.MISSING);
    StoredResource b = createUser("carol-" + uid());
    assertThat(kind(storage.replace(ResourceKind.USER, b.id(), b.attributes().copy().put("userName", taken), 1)))
        .isEqualTo(StorageConflict.Kind.UNIQUENESS);

    String group = "Admins " + uid();
    StoredResource g = await(storage.create(ResourceKind.GROUP, uid(), new JsonObject().put("displayName", group)));
    assertThat(kind(storage.create(ResourceKind.GROUP, uid(), new JsonObject().put("displayName", group.toLowerCase(
        java.util.Locale.ROOT))))).isEqualTo(StorageConflict.Kind.UNIQUENESS);
    assertThat(kind(storage.replace(ResourceKind.GROUP, g.id(), g.attributes(), 5))).isEqualTo(StorageConflict.Kind.STALE);
    assertThat(kind(storage.replace(ResourceKind.GROUP, uid(), g.attributes(), 1))).isEqualTo(StorageConflict.Kind.MISSING);
    assertThat(kind(storage.addMembers("no-group-" + uid(), List.of(a.id())))).isEqualTo(StorageConflict.Kind.MISSING);
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        Arguments.of(new JsonObject().put("displayName", "no userName"), "\"userName\" is required"),
        Arguments.of(new JsonObject().put("userName", 42), "\"userName\" must be a string"),
        Arguments.of(new JsonObject().put("userName", "  "), "\"userName\" must not be empty"),
        Arguments.of(new JsonObject().put("userName", "x".repeat(513)), "\"userName\" is 513 characters long;"
            + " expected at most 512"),
        Arguments.of(new JsonObject().put("userName", "a\0b"), "\"userName\" contains a NUL character"),
        Arguments.of(new JsonObject().put("userName", "u").put("externalId", "e".repeat(256)),
            "\"externalId\" is 256 characters long; expected at most 255"),
        Arguments.of(new JsonObject().put("userName", "u").put("displayName", List.of("x")),
            "\"displayName\" must be a string"));
  }

  @ParameterizedTest
  @MethodSource("badBodies")
  void aBodyTheStoreCannotHoldIsAPreciseBadRequest(JsonObject body, String detail) {
    Throwable t = failure(storage.create(ResourceKind.USER, uid(), body));
    assertThat(t).isInstanceOf(ScimException.class).hasMessageStartingWith(detail);
    assertThat(((ScimException) t).status()).isEqualTo(400);
    assertThat(((ScimException) t).scimType()).isEqualTo(ScimType.INVALID_VALUE);
  }

  @Test
  void indexedMatchesFollowEachAttributesCaseRules() {
    StoredResource u = createUser("Dave." + uid() + "@Example.com");
    String userName = u.attributes().getString("userName");
    String ext = u.attributes().getString("externalId");
    assertThat(ids(list(ResourceKind.USER, "userName", userName.toLowerCase(java.util.Locale.ROOT))))
        .containsExactly(u.id());
    assertThat(ids(list(ResourceKind.USER, "USERNAME", userName))).containsExactly(u.id());
    assertThat(ids(list(ResourceKind.USER, "externalId", ext))).containsExactly(u.id());
    assertThat(ids(list(ResourceKind.USER, "externalId", ext.toUpperCase(java.util.Locale.ROOT)))).isEmpty();
    assertThat(ids(list(ResourceKind.USER, "id", u.id()))).containsExactly(u.id());
    ResourcePage none = list(ResourceKind.USER, "userName", "8f2c-" + uid());
    assertThat(none.total()).isZero();
    assertThat(none.items()).isEmpty();
    assertThat(list(ResourceKind.USER, "userName", "nul\0inside").total()).isZero();

    String name = "Team " + uid();
    StoredResource g = await(storage.create(ResourceKind.GROUP, uid(), new JsonObject().put("displayName", name)
        .put("externalId", "g-ext").put("members", new JsonArray().add(new JsonObject().put("value", "x")))));
    assertThat(g.attributes().containsKey("members")).isFalse();
    assertThat(ids(list(ResourceKind.GROUP, "displayName", name.toUpperCase(java.util.Locale.ROOT))))
        .containsExactly(g.id());
    Throwable t = failure(storage.list(ResourceKind.GROUP, new IndexedMatch("userName", "x"), 0, 10));
    assertThat(t).isInstanceOf(ScimException.class).hasMessageContaining("not an indexed Group attribute");
    assertThat(((ScimException) t).scimType()).isEqualTo(ScimType.INVALID_FILTER);
  }

  @Test
  void pagesLongerThanTheStoresPageAreReadInChunks() {
    String tag = "chunk-" + uid();
    List<Future<StoredResource>> creates = new ArrayList<>();
    for (int i = 0; i < 1_005; i++) {
      JsonObject body = userBody(tag + "-" + String.format("%04d", i)).put("displayName", tag);
      creates.add(storage.create(ResourceKind.USER, uid(), body));
    }
    await(Future.all(creates));
    ResourcePage all = await(storage.list(ResourceKind.USER, new IndexedMatch("displayName", tag), 0, 5_000));
    assertThat(all.total()).isEqualTo(1_005);
    assertThat(all.items()).hasSize(1_005);
    assertThat(all.items()).extracting(r -> r.attributes().getString("userName")).isSorted().doesNotHaveDuplicates();
    ResourcePage tail = await(storage.list(ResourceKind.USER, new IndexedMatch("displayName", tag), 1_000, 1_001));
    assertThat(tail.items()).hasSize(5);
    assertThat(await(storage.list(ResourceKind.USER, new IndexedMatch("displayName", tag), 10, 0)).items()).isEmpty();
    assertThat(await(storage.list(ResourceKind.USER, new IndexedMatch("displayName", tag), -5, -1)).total())
        .isEqualTo(1_005);
  }

  @Test
  void membersAreAddedRemovedAndListedWhole() {
    StoredResource g = await(storage.create(ResourceKind.GROUP, uid(), new JsonObject().put("displayName", "M " + uid())));
    List<String> ids = IntStream.range(0, 2_500).mapToObj(i -> String.format("member-%05d", i)).toList();
    assertThat(await(storage.addMembers(g.id(), ids))).isEqualTo(2_500);
    assertThat(await(storage.addMembers(g.id(), ids.subList(0, 10)))).isZero();
    assertThat(await(storage.members(g.id()))).containsExactlyElementsOf(ids);
    assertThat(await(storage.removeMembers(g.id(), List.of(ids.get(0), "absent")))).isEqualTo(1);
    assertThat(await(storage.members(g.id()))).hasSize(2_499).doesNotContain(ids.get(0));
    assertThat(await(storage.groupsOf(ids.get(1)))).containsExactly(g.id());
    assertThat(await(storage.get(ResourceKind.GROUP, g.id())).orElseThrow().version()).isEqualTo(3);
    assertThat(await(storage.delete(ResourceKind.GROUP, g.id()))).isTrue();
    assertThat(await(storage.members(g.id()))).isEmpty();
    assertThat(await(storage.groupsOf(ids.get(1)))).isEmpty();
  }

  @Test
  void switchingAUserOffRevokesTheirSessionsTellsEveryNodeAndAudits() throws Exception {
    String upn = "Erin." + uid() + "@Example.com";
    StoredResource u = createUser(upn);
    String key = upn.toLowerCase(java.util.Locale.ROOT);
    StoredSession s1 = session(key);
    StoredSession s2 = session(key);
    StoredSession other = session("someone-else-" + uid());
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    var sub = await(store.events().subscribe(Deprovisioning.TOPIC, events::add));

    // a write that leaves the user active does nothing
    StoredResource v2 = await(storage.replace(ResourceKind.USER, u.id(), u.attributes().copy().put("title", "x"), 1));
    assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
    assertThat(await(store.sessions().find(s1.id()))).isPresent();

    // Entra's default form: the string "False"
    StoredResource off = await(storage.replace(ResourceKind.USER, u.id(), v2.attributes().copy().put("active", "False"), 2));
    assertThat(await(store.sessions().find(s1.id()))).isEmpty();
    assertThat(await(store.sessions().find(s2.id()))).isEmpty();
    assertThat(await(store.sessions().find(other.id()))).isPresent();
    JsonObject event = new JsonObject(events.poll(1, TimeUnit.SECONDS));
    assertThat(event).isEqualTo(new JsonObject().put("id", u.id()).put("userName", upn));
    JsonObject audit = auditFor(u.id());
    assertThat(audit.getString("cause")).isEqualTo("deactivated");
    assertThat(audit.getInteger("sessionsRevoked")).isEqualTo(2);

    // already off: no second deprovisioning
    await(storage.replace(ResourceKind.USER, u.id(), off.attributes().copy().put("active", false), 3));
    assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
    await(sub.close());
  }

  @Test
  void aRenameAndSwitchOffInOneWriteRevokesUnderBothNames() throws Exception {
    String before = "frank-" + uid() + "@example.com";
    String after = "frank.renamed-" + uid() + "@example.com";
    StoredResource u = createUser(before);
    StoredSession old = session(before);
    StoredSession fresh = session(after);
    await(storage.replace(ResourceKind.USER, u.id(), u.attributes().copy().put("userName", after)
        .put("active", false), 1));
    assertThat(await(store.sessions().find(old.id()))).isEmpty();
    assertThat(await(store.sessions().find(fresh.id()))).isEmpty();
    assertThat(auditFor(u.id()).getString("userName")).isEqualTo(after);
  }

  @Test
  void deletingAUserDeprovisionsThem() throws Exception {
    String upn = "Gina." + uid() + "@example.com";
    StoredResource u = createUser(upn);
    StoredSession s = session(upn.toLowerCase(java.util.Locale.ROOT));
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    var sub = await(store.events().subscribe(Deprovisioning.TOPIC, events::add));
    assertThat(await(storage.delete(ResourceKind.USER, u.id()))).isTrue();
    assertThat(await(store.sessions().find(s.id()))).isEmpty();
    assertThat(new JsonObject(events.poll(1, TimeUnit.SECONDS)).getString("id")).isEqualTo(u.id());
    assertThat(auditFor(u.id()).getString("cause")).isEqualTo("deleted");
    // deleting nobody announces nothing
    assertThat(await(storage.delete(ResourceKind.USER, u.id()))).isFalse();
    assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
    await(sub.close());
  }

  StoredSession session(String userKey) {
    Instant now = await(store.databaseTime());
    return await(store.sessions().create(StoredSession.fresh(uid(), userKey, "tenant", new JsonObject(), now,
        now.plus(Duration.ofMinutes(30)), now.plus(Duration.ofHours(8)))));
  }

  JsonObject auditFor(String userId) {
    return await(store.audit().page(AuditQuery.newest(1000).type(Deprovisioning.AUDIT_TYPE))).events().stream()
        .filter(e -> userId.equals(e.details().getString("id"))).findFirst()
        .map(e -> {
          assertThat(e.actor()).isEqualTo("scim");
          return e.details();
        }).orElseThrow(() -> new AssertionError("no " + Deprovisioning.AUDIT_TYPE + " for " + userId));
  }

  ResourcePage list(ResourceKind kind, String attribute, String value) {
    return await(storage.list(kind, new IndexedMatch(attribute, value), 0, 100));
  }

  static List<String> ids(ResourcePage page) {
    return page.items().stream().map(StoredResource::id).toList();
  }

  static StorageConflict.Kind kind(Future<?> f) {
    Throwable t = failure(f);
    assertThat(t).isInstanceOf(StorageConflict.class);
    return ((StorageConflict) t).kind();
  }
}
