package io.sallyport.gateway.store.sql;

import io.sallyport.gateway.store.DirectoryQuery;
import io.sallyport.gateway.store.NotFoundException;
import io.sallyport.gateway.store.Page;
import io.sallyport.gateway.store.StaleVersionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** What users and groups share: lookup by id, delete, paging, and the compare-and-swap verdict. */
final class DirectoryTable<T> {

  /** A WHERE fragment with its one argument, already case-folded where the column is. */
  record Filter(String sql, String arg) {
  }

  @FunctionalInterface
  interface Reader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private final String table;
  private final String entity;
  private final String columns;
  private final String orderBy;
  private final Reader<T> reader;
  private final BiFunction<DirectoryQuery.Field, String, Filter> filters;

  DirectoryTable(String table, String entity, String columns, String orderBy, Reader<T> reader,
                 BiFunction<DirectoryQuery.Field, String, Filter> filters) {
    this.table = table;
    this.entity = entity;
    this.columns = columns;
    this.orderBy = orderBy;
    this.reader = reader;
    this.filters = filters;
  }

  Optional<T> byId(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + columns + " FROM " + table + " WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
      }
    }
  }

  /** The row after a compare-and-swap that updated {@code updated} rows, or why it lost. */
  T afterSwap(Connection c, int updated, String id, long expectedVersion) throws SQLException {
    Optional<T> row = byId(c, id);
    if (row.isEmpty()) {
      throw new NotFoundException(entity, id);
    }
    if (updated != 1) {
      throw new StaleVersionException(entity, id, expectedVersion);
    }
    return row.get();
  }

  boolean delete(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
      ps.setString(1, id);
      return ps.executeUpdate() == 1;
    }
  }

  Page<T> page(Connection c, DirectoryQuery q) throws SQLException {
    Filter filter = q.field() == null ? null : filters.apply(q.field(), q.value());
    String where = filter == null ? "" : " WHERE " + filter.sql();
    long total;
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + where)) {
      if (filter != null) {
        ps.setString(1, filter.arg());
      }
      total = Columns.count(ps);
    }
    List<T> items = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + " FROM " + table + where
        + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?")) {
      int i = 1;
      if (filter != null) {
        ps.setString(i++, filter.arg());
      }
      ps.setInt(i++, q.limit());
      ps.setInt(i, q.offset());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.add(reader.read(rs));
        }
      }
    }
    return new Page<>(items, total, q.offset(), q.limit());
  }
}
