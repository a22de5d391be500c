package io.sallyport.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.store.DirectoryQuery.Field;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The SCIM directory: part of the store contract every database must pass. */
abstract class DirectoryContract extends AuditContract {

  protected DirectoryUser newUser(String userName, String displayName) {
    return DirectoryUser.draft(uid(), "ext-" + uid(), userName, true, displayName,
        new JsonObject().put("userName", userName).put("emails", new io.vertx.core.json.JsonArray()));
  }

  protected DirectoryGroup newGroup(String displayName) {
    return DirectoryGroup.draft(uid(), "ext-" + uid(), displayName, new JsonObject());
  }

  @Test
  void userLifecycleWithCompareAndSwap() {
    String name = "Alice." + uid() + "@Example.com";
    DirectoryUser created = await(store.directory().createUser(newUser(name, "Alice")));
    assertThat(created.version()).isEqualTo(1);
    assertThat(created.created()).isNotNull().isEqualTo(created.lastModified());
    assertThat(await(store.directory().user(created.id()))).contains(created);
    assertThat(await(store.directory().userByUserName(name.toUpperCase(java.util.Locale.ROOT))))
        .contains(created);

    DirectoryUser inactive = new DirectoryUser(created.id(), created.externalId(), name, false,
        "Alice A.", created.attributes().put("active", false), 1, null, null);
    DirectoryUser replaced = await(store.directory().replaceUser(inactive));
    assertThat(replaced.version()).isEqualTo(2);
    assertThat(replaced.active()).isFalse();
    assertThat(replaced.created()).isEqualTo(created.created());
    assertFailsWith(store.directory().replaceUser(inactive), StaleVersionException.class);
    assertFailsWith(store.directory().replaceUser(newUser("ghost-" + uid(), "g")),
        NotFoundException.class);

    assertThat(await(store.directory().deleteUser(created.id()))).isTrue();
    assertThat(await(store.directory().deleteUser(created.id()))).isFalse();
    assertThat(await(store.directory().user(created.id()))).isEmpty();
  }

  @Test
  void userNamesAreUniqueIgnoringCase() {
    String suffix = uid();
    await(store.directory().createUser(newUser("Bob." + suffix, "Bob")));
    Throwable clash = failure(store.directory().createUser(newUser("BOB." + suffix, "Bobby")));
    assertThat(clash).isInstanceOf(UniquenessException.class);
    assertThat(((UniquenessException) clash).attribute()).isEqualTo("userName");

    DirectoryUser other = await(store.directory().createUser(newUser("carol." + suffix, "Carol")));
    DirectoryUser renamed = new DirectoryUser(other.id(), null, "bob." + suffix, true, "Carol",
        null, other.version(), null, null);
    assertThat(failure(store.directory().replaceUser(renamed)))
        .isInstanceOf(UniquenessException.class);
  }

  @Test
  void groupLifecycleAndUniqueDisplayName() {
    String name = "Admins " + uid();
    DirectoryGroup g = await(store.directory().createGroup(newGroup(name)));
    assertThat(failure(store.directory().createGroup(newGroup(name.toLowerCase(java.util.Locale.ROOT)))))
        .isInstanceOf(UniquenessException.class).hasMessageContaining("displayName");
    DirectoryGroup renamed = await(store.directory().replaceGroup(new DirectoryGroup(g.id(),
        g.externalId(), name + " renamed", g.attributes(), g.version(), null, null)));
    assertThat(renamed.version()).isEqualTo(2);
    assertFailsWith(store.directory().replaceGroup(g), StaleVersionException.class);
    assertThat(await(store.directory().groups(DirectoryQuery.where(Field.DISPLAY_NAME,
        (name + " RENAMED"), 0, 10))).items()).containsExactly(renamed);
    assertThat(await(store.directory().deleteGroup(g.id()))).isTrue();
    assertThat(await(store.directory().group(g.id()))).isEmpty();
  }

  @Test
  void usersPageWithTotalsInStableOrder() {
    String tag = "pager-" + uid();
    for (int i = 0; i < 25; i++) {
      await(store.directory().createUser(newUser(tag + "-" + String.format("%02d", 24 - i), tag)));
    }
    List<String> names = new ArrayList<>();
    for (int offset = 0; offset < 25; offset += 10) {
      Page<DirectoryUser> page = await(store.directory().users(
          DirectoryQuery.where(Field.DISPLAY_NAME, tag, offset, 10)));
      assertThat(page.total()).isEqualTo(25);
      assertThat(page.items()).hasSize(offset < 20 ? 10 : 5);
      page.items().forEach(u -> names.add(u.userName()));
    }
    assertThat(names).isSorted().doesNotHaveDuplicates().hasSize(25);
    Page<DirectoryUser> all = await(store.directory().users(DirectoryQuery.all(0, 1000)));
    assertThat(all.total()).isGreaterThanOrEqualTo(25);
    assertThat(all.items()).extracting(DirectoryUser::id).doesNotHaveDuplicates();
    String one = names.get(3);
    assertThat(await(store.directory().users(DirectoryQuery.where(Field.USER_NAME,
        one.toUpperCase(java.util.Locale.ROOT), 0, 10))).items()).extracting(DirectoryUser::userName)
        .containsExactly(one);
  }

  /** SCIM: id and externalId are caseExact; userName and displayName are not (StoreScimStorage relies on it). */
  @Test
  void idAndExternalIdMatchExactlyNamesIgnoreCase() {
    DirectoryUser u = await(store.directory().createUser(DirectoryUser.draft("Id-" + uid(), "Ext-" + uid(),
        "Hank." + uid(), true, "Hank", new JsonObject())));
    assertThat(await(store.directory().users(DirectoryQuery.where(Field.EXTERNAL_ID, u.externalId(), 0, 10)))
        .items()).containsExactly(u);
    assertThat(await(store.directory().users(DirectoryQuery.where(Field.EXTERNAL_ID,
        u.externalId().toLowerCase(java.util.Locale.ROOT), 0, 10))).total()).isZero();
    assertThat(await(store.directory().users(DirectoryQuery.where(Field.ID,
        u.id().toLowerCase(java.util.Locale.ROOT), 0, 10))).total()).isZero();
    DirectoryGroup g = await(store.directory().createGroup(DirectoryGroup.draft("G-" + uid(), "GExt-" + uid(),
        "Case Team " + uid(), new JsonObject())));
    assertThat(await(store.directory().groups(DirectoryQuery.where(Field.EXTERNAL_ID,
        g.externalId().toUpperCase(java.util.Locale.ROOT), 0, 10))).total()).isZero();
    assertThat(await(store.directory().groups(DirectoryQuery.where(Field.DISPLAY_NAME,
        g.displayName().toUpperCase(java.util.Locale.ROOT), 0, 10))).items()).containsExactly(g);
  }

  @Test
  void replacingAUserKeepsTheirMemberships() {
    DirectoryGroup g = await(store.directory().createGroup(newGroup("Keep " + uid())));
    DirectoryUser u = await(store.directory().createUser(newUser("ivy-" + uid(), "Ivy")));
    await(store.directory().addMembers(g.id(), List.of(u.id())));
    await(store.directory().replaceUser(new DirectoryUser(u.id(), u.externalId(), u.userName(), false, "Ivy",
        u.attributes(), u.version(), null, null)));
    assertThat(await(store.directory().groupsOf(u.id()))).containsExactly(g.id());
  }

  @Test
  void membershipsAddRemoveAndFollowDeletes() {
    DirectoryGroup g = await(store.directory().createGroup(newGroup("Ops " + uid())));
    DirectoryUser a = await(store.directory().createUser(newUser("a-" + uid(), "A")));
    DirectoryUser b = await(store.directory().createUser(newUser("b-" + uid(), "B")));
    assertThat(await(store.directory().addMembers(g.id(), List.of(a.id(), b.id(), a.id())))).isEqualTo(2);
    assertThat(await(store.directory().addMembers(g.id(), List.of(a.id())))).isZero();
    assertThat(await(store.directory().group(g.id())).orElseThrow().version()).isEqualTo(2);
    assertThat(await(store.directory().groupsOf(a.id()))).containsExactly(g.id());
    assertThat(await(store.directory().removeMembers(g.id(), List.of(b.id(), "nobody")))).isEqualTo(1);
    assertThat(await(store.directory().members(g.id(), 0, 10)).items()).containsExactly(a.id());
    await(store.directory().deleteUser(a.id()));
    assertThat(await(store.directory().members(g.id(), 0, 10)).total()).isZero();
    assertFailsWith(store.directory().addMembers("no-group-" + uid(), List.of(a.id())),
        NotFoundException.class);
  }

  @Test
  void tenThousandMembersInOneGroup() {
    DirectoryGroup g = await(store.directory().createGroup(newGroup("Everyone " + uid())));
    List<String> ids = IntStream.range(0, 10_000).mapToObj(i -> String.format("m-%05d", i)).toList();
    assertThat(await(onEventLoop(() -> store.directory().addMembers(g.id(), ids))))
        .isEqualTo(10_000);
    Page<String> page = await(store.directory().members(g.id(), 9_990, 100));
    assertThat(page.total()).isEqualTo(10_000);
    assertThat(page.items()).containsExactlyElementsOf(ids.subList(9_990, 10_000));
    assertThat(await(store.directory().addMembers(g.id(), ids.subList(0, 500)))).isZero();
    assertThat(await(store.directory().deleteGroup(g.id()))).isTrue();
    assertThat(await(store.directory().groupsOf("m-00001"))).doesNotContain(g.id());
  }

  @Test
  void concurrentBulkAddsAllLand() {
    DirectoryGroup g = await(store.directory().createGroup(newGroup("Concurrent " + uid())));
    List<Future<Integer>> adds = new ArrayList<>();
    for (int batch = 0; batch < 8; batch++) {
      int b = batch;
      adds.add(onEventLoop(() -> store.directory().addMembers(g.id(),
          IntStream.range(0, 250).mapToObj(i -> "c" + b + "-" + i).toList())));
    }
    await(Future.all(adds));
    assertThat(adds).allMatch(f -> f.result() == 250);
    assertThat(await(store.directory().members(g.id(), 0, 1)).total()).isEqualTo(2_000);
    assertThat(await(store.directory().group(g.id())).orElseThrow().version()).isEqualTo(9);
  }

  @Test
  void concurrentReplacesExactlyOneWins() {
    DirectoryUser u = await(store.directory().createUser(newUser("race-" + uid(), "Race")));
    List<Future<DirectoryUser>> attempts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      attempts.add(store.directory().replaceUser(new DirectoryUser(u.id(), u.externalId(),
          u.userName(), true, "Racer " + i, u.attributes(), 1, null, null)));
    }
    await(Future.join(attempts).otherwiseEmpty());
    assertThat(attempts.stream().filter(Future::succeeded).count()).isEqualTo(1);
    assertThat(attempts.stream().filter(Future::failed).map(Future::cause))
        .allMatch(StaleVersionException.class::isInstance);
  }
}
