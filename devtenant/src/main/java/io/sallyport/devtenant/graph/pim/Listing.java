package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.graph.odata.ODataPage;
import io.sallyport.devtenant.graph.odata.ODataQuery;
import io.sallyport.devtenant.graph.odata.ODataSelect;
import io.sallyport.devtenant.http.GraphError;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PIM collection response: the query parsed up front (so a bad one fails before any work),
 * filters limited to what the resource documents, {@code $select}, paging with absolute next links.
 */
final class Listing {

  static final int DEFAULT_TOP = 100;
  private static final Pattern FUNCTION = Pattern.compile("filterByCurrentUser\\(on='([^']*)'\\)",
      Pattern.CASE_INSENSITIVE);

  private Listing() {}

  static ODataQuery query(RoutingContext rc) {
    return ODataQuery.parse(rc.queryParams(), DEFAULT_TOP);
  }

  /** The {@code on} argument when {@code segment} is {@code filterByCurrentUser(on='...')}. */
  static Optional<String> currentUserFunction(String segment) {
    Matcher m = FUNCTION.matcher(segment);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** filterByCurrentUser's only documented argument for PIM is {@code principal}. */
  static void requireOn(String on, String expected) {
    if (!on.equalsIgnoreCase(expected)) {
      throw new GraphError(400, "BadRequest", "The parameter 'on' of function 'filterByCurrentUser' has an "
          + "invalid value '" + on + "'; the supported value is '" + expected + "'.");
    }
  }

  /**
   * @param properties the entity's properties: what {@code $select} and {@code $filter} may name
   * @param entityType e.g. {@code microsoft.graph.unifiedRoleAssignmentScheduleInstance}
   */
  static JsonObject page(GraphResponses responses, RoutingContext rc, String contextUrl, ODataQuery query,
      List<JsonObject> items, String entityType, List<String> properties) {
    return page(responses, rc, contextUrl, query, items, entityType, properties, properties);
  }

  /** As above, with {@code filterable} naming what {@code $filter} may use (paths such as createdBy/user/id). */
  static JsonObject page(GraphResponses responses, RoutingContext rc, String contextUrl, ODataQuery query,
      List<JsonObject> items, String entityType, List<String> properties, List<String> filterable) {
    query.filter().ifPresent(f -> f.requireOnly(filterable, entityType.substring(entityType.lastIndexOf('.') + 1)));
    ODataSelect select = ODataSelect.of(query.select(), entityType, properties);
    return new ODataPage(contextUrl, responses.selfUrl(rc), rc.request().query()).render(query.apply(items), query,
        select);
  }
}
