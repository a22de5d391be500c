package io.sallyport.gateway.store.sql;

import io.sallyport.gateway.store.NotFoundException;
import io.sallyport.gateway.store.Page;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * SQL for table {@code directory_members}: one row per (group, member), so adding one member to a
 * 10,000-member group writes one row, and bulk changes are one batch in one transaction.
 */
final class MemberTable {
  private MemberTable() {
  }

  /**
   * Applies one batch of adds or removes. Locks the group row first: concurrent changes to one
   * group queue up behind each other instead of deadlocking, and the version bump is exact.
   */
  static int change(Connection c, String groupId, Collection<String> memberIds, boolean add,
                    Instant now) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement(
        "SELECT id FROM directory_groups WHERE id = ? FOR UPDATE")) {
      lock.setString(1, groupId);
      try (ResultSet rs = lock.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("group", groupId);
        }
      }
    }
    int changed = 0;
    String sql = add
        ? "INSERT INTO directory_members (group_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING"
        : "DELETE FROM directory_members WHERE group_id = ? AND member_id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (String member : new LinkedHashSet<>(memberIds)) {
        ps.setString(1, groupId);
        ps.setString(2, member);
        ps.addBatch();
      }
      for (int count : ps.executeBatch()) {
        changed += Math.max(count, 0);
      }
    }
    if (changed > 0) {
      try (PreparedStatement ps = c.prepareStatement("UPDATE directory_groups SET"
          + " version = version + 1, last_modified = ? WHERE id = ?")) {
        Columns.setInstant(ps, 1, now);
        ps.setString(2, groupId);
        ps.executeUpdate();
      }
    }
    return changed;
  }

  static Page<String> members(Connection c, String groupId, int offset, int limit)
      throws SQLException {
    long total;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT COUNT(*) FROM directory_members WHERE group_id = ?")) {
      ps.setString(1, groupId);
      total = Columns.count(ps);
    }
    List<String> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT member_id FROM directory_members"
        + " WHERE group_id = ? ORDER BY member_id LIMIT ? OFFSET ?")) {
      ps.setString(1, groupId);
      ps.setInt(2, limit);
      ps.setInt(3, offset);
      collect(ps, ids);
    }
    return new Page<>(ids, total, offset, limit);
  }

  static List<String> groupsOf(Connection c, String memberId) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT group_id FROM directory_members WHERE member_id = ? ORDER BY group_id")) {
      ps.setString(1, memberId);
      collect(ps, ids);
    }
    return ids;
  }

  /** Drops {@code memberId} from every group, as when the user or group it names is deleted. */
  static void forget(Connection c, String memberId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM directory_members WHERE member_id = ?")) {
      ps.setString(1, memberId);
      ps.executeUpdate();
    }
  }

  private static void collect(PreparedStatement ps, List<String> into) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        into.add(rs.getString(1));
      }
    }
  }
}
