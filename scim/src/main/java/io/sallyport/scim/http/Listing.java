package io.sallyport.scim.http;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.filter.Filter;
import io.sallyport.scim.projection.Projection;
import io.sallyport.scim.spi.IndexedMatch;
import io.sallyport.scim.spi.ResourcePage;
import io.sallyport.scim.spi.ScimStorage;
import io.sallyport.scim.spi.StoredResource;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code GET /Users} and {@code GET /Groups} (RFC 7644 §3.4.2). Without filter or sort, storage
 * pages directly. Otherwise storage is read in chunks, narrowed by one indexed equality when the
 * filter has one, each chunk evaluated, and only the requested window kept (all matches when
 * sorting): memory stays bounded by the page, and the event loop only composes futures.
 */
final class Listing {

  static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  static final int CHUNK = 500;

  private final ScimStorage storage;
  private final References references;

  Listing(ScimStorage storage, References references) {
    this.storage = storage;
    this.references = references;
  }

  Future<JsonObject> list(ResourceKind kind, ListQuery query, Locations locations) {
    // parse everything before touching storage: a bad filter, sortBy or attribute name is a 400
    // with nothing read
    Filter parsed = query.filter() == null ? null : Filter.parse(query.filter());
    Comparator<JsonObject> order = query.order(kind).orElse(null);
    Projection projection = query.projection(kind);
    boolean withRefs = ResourceView.needsReferences(kind, query, projection);
    if (parsed == null && order == null) {
      return storage.list(kind, null, query.startIndex() - 1, query.count())
          .compose(page -> render(kind, page.items(), withRefs, locations)
              .map(resources -> response(projection, query, resources, page.total())));
    }
    Predicate<JsonObject> filter = parsed == null ? r -> true : parsed.matcher(kind);
    IndexedMatch match = parsed == null ? null : parsed.indexedEquality(kind).orElse(null);
    Window window = new Window(query.startIndex() - 1, query.count(), order != null);
    return scan(kind, match, 0, filter, withRefs, locations, window).map(done -> {
      List<JsonObject> page = window.page(order);
      return response(projection, query, page, window.total);
    });
  }

  private Future<Void> scan(ResourceKind kind, IndexedMatch match, int offset, Predicate<JsonObject> filter,
      boolean withRefs, Locations locations, Window window) {
    return storage.list(kind, match, offset, CHUNK).compose(page -> render(kind, page.items(), withRefs, locations)
        .compose(resources -> {
          resources.stream().filter(filter).forEach(window::offer);
          int next = offset + page.items().size();
          return page.items().isEmpty() || next >= page.total() ? Future.succeededFuture()
              : scan(kind, match, next, filter, withRefs, locations, window);
        }));
  }

  private Future<List<JsonObject>> render(ResourceKind kind, List<StoredResource> items, boolean withRefs,
      Locations locations) {
    List<Future<JsonObject>> rendered = new ArrayList<>(items.size());
    for (StoredResource item : items) {
      rendered.add(references.of(kind, item.id(), withRefs)
          .map(refs -> ResourceView.render(kind, item, refs, locations)));
    }
    return Future.all(rendered).map(all -> all.<JsonObject>list());
  }

  private static JsonObject response(Projection projection, ListQuery query, List<JsonObject> resources, long total) {
    JsonArray out = new JsonArray();
    for (JsonObject resource : resources) {
      out.add(projection.apply(resource));
    }
    return new JsonObject().put("schemas", new JsonArray().add(LIST_SCHEMA)).put("totalResults", total)
        .put("Resources", out).put("startIndex", query.startIndex()).put("itemsPerPage", out.size());
  }

  /** The matches a listing keeps: the requested window, or every match when it must sort first. */
  private static final class Window {
    private final int skip;
    private final int count;
    private final boolean keepAll;
    private final List<JsonObject> kept = new ArrayList<>();
    private long total;

    Window(int skip, int count, boolean keepAll) {
      this.skip = skip;
      this.count = count;
      this.keepAll = keepAll;
    }

    void offer(JsonObject resource) {
      if (keepAll || (total >= skip && total < (long) skip + count)) {
        kept.add(resource);
      }
      total++;
    }

    List<JsonObject> page(Comparator<JsonObject> order) {
      if (order == null) {
        return kept;
      }
      kept.sort(order);
      int from = (int) Math.min(skip, kept.size());
      return kept.subList(from, (int) Math.min((long) from + count, kept.size()));
    }
  }
}
