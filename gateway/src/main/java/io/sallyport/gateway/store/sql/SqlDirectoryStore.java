package io.sallyport.gateway.store.sql;

import io.sallyport.gateway.store.DirectoryGroup;
import io.sallyport.gateway.store.DirectoryQuery;
import io.sallyport.gateway.store.DirectoryStore;
import io.sallyport.gateway.store.DirectoryUser;
import io.sallyport.gateway.store.Page;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The SCIM directory: wires the table classes to the worker pool and the injected clock. */
final class SqlDirectoryStore implements DirectoryStore {
  private final Jdbc jdbc;
  private final Clock clock;

  SqlDirectoryStore(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Future<DirectoryUser> createUser(DirectoryUser user) {
    return jdbc.run(c -> UserTable.insert(c, user, clock.instant()));
  }

  @Override
  public Future<Optional<DirectoryUser>> user(String id) {
    return jdbc.run(c -> UserTable.TABLE.byId(c, id));
  }

  @Override
  public Future<Optional<DirectoryUser>> userByUserName(String userName) {
    return jdbc.run(c -> UserTable.byUserName(c, userName));
  }

  @Override
  public Future<DirectoryUser> replaceUser(DirectoryUser user) {
    return jdbc.transaction(c -> UserTable.TABLE.afterSwap(c,
        UserTable.replace(c, user, clock.instant()), user.id(), user.version()));
  }

  @Override
  public Future<Boolean> deleteUser(String id) {
    return jdbc.transaction(c -> {
      MemberTable.forget(c, id);
      return UserTable.TABLE.delete(c, id);
    });
  }

  @Override
  public Future<Page<DirectoryUser>> users(DirectoryQuery query) {
    return jdbc.run(c -> UserTable.TABLE.page(c, query));
  }

  @Override
  public Future<DirectoryGroup> createGroup(DirectoryGroup group) {
    return jdbc.run(c -> GroupTable.insert(c, group, clock.instant()));
  }

  @Override
  public Future<Optional<DirectoryGroup>> group(String id) {
    return jdbc.run(c -> GroupTable.TABLE.byId(c, id));
  }

  @Override
  public Future<DirectoryGroup> replaceGroup(DirectoryGroup group) {
    return jdbc.transaction(c -> GroupTable.TABLE.afterSwap(c,
        GroupTable.replace(c, group, clock.instant()), group.id(), group.version()));
  }

  @Override
  public Future<Boolean> deleteGroup(String id) {
    // Its own member rows go by ON DELETE CASCADE; rows naming it as a nested member do not.
    return jdbc.transaction(c -> {
      MemberTable.forget(c, id);
      return GroupTable.TABLE.delete(c, id);
    });
  }

  @Override
  public Future<Page<DirectoryGroup>> groups(DirectoryQuery query) {
    return jdbc.run(c -> GroupTable.TABLE.page(c, query));
  }

  @Override
  public Future<Integer> addMembers(String groupId, Collection<String> memberIds) {
    List<String> ids = List.copyOf(memberIds);
    return jdbc.transaction(c -> MemberTable.change(c, groupId, ids, true, clock.instant()));
  }

  @Override
  public Future<Integer> removeMembers(String groupId, Collection<String> memberIds) {
    List<String> ids = List.copyOf(memberIds);
    return jdbc.transaction(c -> MemberTable.change(c, groupId, ids, false, clock.instant()));
  }

  @Override
  public Future<Page<String>> members(String groupId, int offset, int limit) {
    return jdbc.run(c -> {
      Columns.checkPage(offset, limit);
      return MemberTable.members(c, groupId, offset, limit);
    });
  }

  @Override
  public Future<List<String>> groupsOf(String memberId) {
    return jdbc.run(c -> MemberTable.groupsOf(c, memberId));
  }
}
