package io.sallyport.devtenant.graph.odata;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Renders one page of a collection the way Graph does: {@code @odata.context}, {@code @odata.count}
 * when asked for, {@code @odata.nextLink} while items remain, then {@code value}. The SDK's
 * PageIterator follows the next link verbatim, so it is absolute and carries every original parameter.
 *
 * @param contextUrl the {@code @odata.context} value; null omits it (some Graph responses have none)
 * @param baseUrl    the request's absolute URL without query, e.g. {@code https://localhost:8443/v1.0/users}
 * @param rawQuery   the request's query string as received (without {@code ?}); may be null
 */
public record ODataPage(String contextUrl, String baseUrl, String rawQuery) {

  /** {@link #render(List, ODataQuery, ODataSelect, boolean)} with the count emitted iff {@code $count=true}. */
  public JsonObject render(List<JsonObject> items, ODataQuery query, ODataSelect select) {
    return render(items, query, select, query.count());
  }

  /**
   * @param items     the whole result, already filtered and ordered ({@link ODataQuery#apply})
   * @param emitCount whether to write {@code @odata.count}; pass {@link ConsistencyRules}' decision.
   *                  Written on the first page only, as Graph does
   */
  public JsonObject render(List<JsonObject> items, ODataQuery query, ODataSelect select, boolean emitCount) {
    int offset = query.offset();
    int from = Math.min(offset, items.size());
    int to = (int) Math.min((long) from + query.top(), items.size());
    JsonObject page = new JsonObject();
    if (contextUrl != null) {
      page.put("@odata.context", contextUrl);
    }
    if (emitCount && query.count() && offset == 0) {
      page.put("@odata.count", items.size());
    }
    if (to < items.size()) {
      page.put("@odata.nextLink", baseUrl + "?" + QueryStrings.replace(rawQuery, "$skiptoken", SkipToken.encode(to)));
    }
    JsonArray value = new JsonArray();
    items.subList(from, to).forEach(item -> value.add(select.apply(item)));
    return page.put("value", value);
  }
}
