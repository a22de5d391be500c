package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.graph.odata.ODataQuery;
import io.sallyport.devtenant.http.GraphError;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reads every PIM collection answers alike, schedule instances and schedule requests, roles and
 * groups: list, get by id, and {@code filterByCurrentUser(on='principal')}. What differs is where the
 * items come from and who may read them ({@link PimAccess}).
 */
final class PimCollection {

  /**
   * @param path       the collection's path under {@code /v1.0}; its {@code @odata.context} is the same
   *                   path without the leading slash
   * @param filterable what {@code $filter} may name (the properties, plus paths such as createdBy/user/id)
   */
  record Spec(String path, String type, List<String> properties, List<String> filterable, String[] read) {}

  private final GraphResponses responses;
  private final Spec spec;
  private final PimAccess access;
  private final Function<String, List<JsonObject>> items;
  private final Function<String, Optional<JsonObject>> find;

  /**
   * @param items everyone's items for a null principal id, else what filterByCurrentUser gives that user
   * @param find  one item by id, empty when there is none (or it is not current)
   */
  PimCollection(GraphResponses responses, Spec spec, PimAccess access, Function<String, List<JsonObject>> items,
      Function<String, Optional<JsonObject>> find) {
    this.responses = responses;
    this.spec = spec;
    this.access = access;
    this.items = items;
    this.find = find;
  }

  void mount(Router graph) {
    graph.get(spec.path()).handler(this::list);
    graph.get(spec.path() + "/:id").handler(this::one);
  }

  /** One item as Graph serves it alone, led by its {@code @odata.context}. */
  JsonObject entity(JsonObject item) {
    return new JsonObject().put("@odata.context", responses.context(spec.path().substring(1) + "/$entity"))
        .mergeIn(item);
  }

  private void list(RoutingContext rc) {
    GraphCaller caller = GraphCaller.from(rc);
    caller.requireAny(spec.read());
    ODataQuery query = Listing.query(rc);
    access.requireListable(caller, query);
    responses.ok(rc, Listing.page(responses, rc, responses.context(spec.path().substring(1)), query,
        items.apply(null), spec.type(), spec.properties(), spec.filterable()));
  }

  private void one(RoutingContext rc) {
    GraphCaller caller = GraphCaller.from(rc);
    caller.requireAny(spec.read());
    String id = rc.pathParam("id");
    Optional<String> on = Listing.currentUserFunction(id);
    if (on.isPresent()) {
      String user = caller.requireUser();
      Listing.requireOn(on.get(), "principal");
      ODataQuery query = Listing.query(rc);
      // a function's result is a typed collection, so each item names its type
      List<JsonObject> mine = items.apply(user).stream().map(o -> PimJson.typed(o, spec.type())).toList();
      String shortName = spec.type().substring(spec.type().lastIndexOf('.') + 1);
      responses.ok(rc, Listing.page(responses, rc, responses.context("Collection(" + shortName + ")"), query, mine,
          spec.type(), spec.properties(), spec.filterable()));
      return;
    }
    JsonObject item = find.apply(id).orElseThrow(() -> GraphError.notFound(id));
    access.requireReadable(caller, item);
    responses.ok(rc, entity(item));
  }
}
