package io.sallyport.devtenant.graph.directory;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What Graph knows about one entity type: its name for {@code $select} errors, its resource name for
 * {@code $filter} errors, the properties it returns by default, every property {@code $select} may
 * name, and which properties {@code $filter} and {@code $search} accept. A union type (directory
 * objects in memberOf) picks each item's own default view by its {@code @odata.type}.
 */
record EntityType(String name, String resource, List<String> defaults, Set<String> properties,
    Set<String> filterable, Set<String> searchable, List<EntityType> parts) {

  static EntityType of(String name, String resource, List<String> defaults, List<String> extras,
      Set<String> filterable, Set<String> searchable) {
    Set<String> all = new LinkedHashSet<>(defaults);
    all.addAll(extras);
    return new EntityType(name, resource, List.copyOf(defaults), Set.copyOf(all), Set.copyOf(filterable),
        Set.copyOf(searchable), List.of());
  }

  /** microsoft.graph.directoryObject collections: the union of the member types. */
  static EntityType union(EntityType... parts) {
    Set<String> all = new LinkedHashSet<>();
    Set<String> filterable = new LinkedHashSet<>();
    Set<String> searchable = new LinkedHashSet<>();
    List<String> defaults = new ArrayList<>();
    for (EntityType p : parts) {
      all.addAll(p.properties());
      filterable.addAll(p.filterable());
      searchable.addAll(p.searchable());
      defaults.addAll(p.defaults());
    }
    return new EntityType("microsoft.graph.directoryObject", "DirectoryObject", List.copyOf(defaults),
        Set.copyOf(all), Set.copyOf(filterable), Set.copyOf(searchable), List.of(parts));
  }

  /** The {@code @odata.type} annotation value, e.g. {@code #microsoft.graph.user}. */
  String odataType() {
    return "#" + name;
  }

  /** What Graph returns without {@code $select}: the default properties, and any annotations. */
  JsonObject defaultView(JsonObject full) {
    for (EntityType p : parts) {
      if (p.odataType().equals(full.getString("@odata.type"))) {
        return p.defaultView(full);
      }
    }
    JsonObject out = new JsonObject();
    full.fieldNames().stream().filter(k -> k.startsWith("@odata.")).forEach(k -> out.put(k, full.getValue(k)));
    for (String k : defaults) {
      if (full.containsKey(k)) { // seeded objects may predate a property; never invent one
        out.put(k, full.getValue(k));
      }
    }
    return out;
  }
}
