package io.sallyport.devtenant.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One kind of tenant object, by id (case-insensitive, as Graph ids are), in insertion order so
 * listings page stably. Rows are immutable records replaced whole, so a reader never sees half an
 * update; the lock is held only for map operations.
 */
public final class Table<T> {

  private final Function<T, String> idOf;
  private final Map<String, T> rows = new LinkedHashMap<>();

  public Table(Function<T, String> idOf) {
    this.idOf = idOf;
  }

  private static String key(String id) {
    return id == null ? "" : id.toLowerCase(Locale.ROOT);
  }

  public synchronized T put(T row) {
    rows.put(key(idOf.apply(row)), row);
    return row;
  }

  public synchronized Optional<T> find(String id) {
    return Optional.ofNullable(rows.get(key(id)));
  }

  public synchronized List<T> all() {
    return new ArrayList<>(rows.values());
  }

  public synchronized List<T> where(Predicate<T> test) {
    return rows.values().stream().filter(test).toList();
  }

  /** Replaces the row with {@code change(row)}; empty if there is no such row. */
  public synchronized Optional<T> update(String id, UnaryOperator<T> change) {
    T current = rows.get(key(id));
    if (current == null) {
      return Optional.empty();
    }
    T next = change.apply(current);
    rows.put(key(id), next);
    return Optional.of(next);
  }

  public synchronized Optional<T> remove(String id) {
    return Optional.ofNullable(rows.remove(key(id)));
  }

  public synchronized int size() {
    return rows.size();
  }
}
