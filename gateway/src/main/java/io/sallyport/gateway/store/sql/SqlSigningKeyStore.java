package io.sallyport.gateway.store.sql;

import io.sallyport.gateway.store.SigningKeyStore;
import io.sallyport.gateway.store.StaleVersionException;
import io.sallyport.gateway.store.StoredSigningKey;
import io.sallyport.gateway.store.UniquenessException;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Signing keys in table {@code signing_keys}; the unique generation arbitrates between nodes. */
final class SqlSigningKeyStore implements SigningKeyStore {
  private static final String COLUMNS =
      "kid, generation, algorithm, private_key, public_key, created_at, retire_at";
  private static final String GENERATION_UQ = "signing_keys_generation_uq";

  private final Jdbc jdbc;

  SqlSigningKeyStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Future<List<StoredSigningKey>> keys() {
    return jdbc.run(SqlSigningKeyStore::all);
  }

  @Override
  public Future<StoredSigningKey> createFirst(StoredSigningKey first) {
    if (first.generation() != 1) {
      return Future.failedFuture(new IllegalArgumentException("first signing key has generation "
          + first.generation() + "; expected 1"));
    }
    return jdbc.run(c -> {
      // generation 1 alone cannot arbitrate: retired keys (generation 1 among them) get deleted
      List<StoredSigningKey> keys = all(c);
      if (!keys.isEmpty()) {
        return keys.get(0);
      }
      try {
        insert(c, first);
        return stored(first);
      } catch (SQLException e) {
        if (!Dialect.isUniqueViolation(e)) {
          throw e;
        }
        // another node stored its first key in between: theirs is the one to use
        keys = all(c);
        if (keys.isEmpty()) {
          throw e;
        }
        return keys.get(0);
      }
    });
  }

  @Override
  public Future<StoredSigningKey> rotate(StoredSigningKey next, Instant retireAt) {
    long previous = next.generation() - 1;
    return jdbc.transaction(c -> {
      long current;
      try (PreparedStatement ps = c.prepareStatement("SELECT MAX(generation) FROM signing_keys")) {
        current = Columns.count(ps);
      }
      if (current != previous) {
        throw stale(previous);
      }
      try {
        insert(c, next);
      } catch (SQLException e) {
        if (Dialect.isUniqueViolation(e)) {
          throw Dialect.violates(e, GENERATION_UQ) ? stale(previous) : new UniquenessException("kid", next.kid());
        }
        throw e;
      }
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE signing_keys SET retire_at = ? WHERE generation = ?")) {
        Columns.setInstant(ps, 1, retireAt);
        ps.setLong(2, previous);
        ps.executeUpdate();
      }
      return stored(next);
    });
  }

  @Override
  public Future<Integer> deleteRetired(Instant before) {
    return jdbc.run(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM signing_keys WHERE retire_at IS NOT NULL AND retire_at < ?")) {
        Columns.setInstant(ps, 1, before);
        return ps.executeUpdate();
      }
    });
  }

  private static StaleVersionException stale(long previous) {
    return new StaleVersionException("current signing key of generation", Long.toString(previous), previous);
  }

  private static void insert(Connection c, StoredSigningKey k) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO signing_keys (" + COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, NULL)")) {
      ps.setString(1, k.kid());
      ps.setLong(2, k.generation());
      ps.setString(3, k.algorithm());
      ps.setString(4, k.privateKey());
      ps.setString(5, k.publicKey());
      Columns.setInstant(ps, 6, k.createdAt());
      ps.executeUpdate();
    }
  }

  /** What a read returns for a key just written as current. */
  private static StoredSigningKey stored(StoredSigningKey k) {
    return new StoredSigningKey(k.kid(), k.generation(), k.algorithm(), k.privateKey(), k.publicKey(),
        Columns.micros(k.createdAt()), null);
  }

  private static List<StoredSigningKey> all(Connection c) throws SQLException {
    List<StoredSigningKey> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM signing_keys ORDER BY generation DESC");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new StoredSigningKey(rs.getString("kid"), rs.getLong("generation"), rs.getString("algorithm"),
            rs.getString("private_key"), rs.getString("public_key"), Columns.instant(rs, "created_at"),
            Columns.instant(rs, "retire_at")));
      }
    }
    return out;
  }
}
