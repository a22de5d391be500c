package io.sallyport.devtenant.graph.odata;

/**
 * Graph's rules for advanced queries on directory objects (users, groups, applications, service
 * principals, devices...): {@code $search} needs {@code ConsistencyLevel: eventual}; {@code ne},
 * {@code not}, {@code endswith} and {@code $count} in a filter need that header and {@code $count=true};
 * {@code $count=true} without the header is silently ignored. Other endpoints (PIM, entitlement
 * management, terms of use) ignore the header. Next-page requests are judged like first pages:
 * Graph does not carry the header into next links, and neither does the check.
 */
public final class ConsistencyRules {
  static final String SEARCH_NEEDS_HEADER = "Request with $search query parameter only works through MSGraph with"
      + " a special request header: 'ConsistencyLevel: eventual'";

  /** @param emitCount whether the response may carry {@code @odata.count} */
  public record Decision(boolean emitCount) {}

  private ConsistencyRules() {}

  /**
   * @param directoryObjects whether the collection holds directory objects
   * @param consistencyLevel the {@code ConsistencyLevel} request header, or null when absent
   * @throws ODataQueryException {@code Request_UnsupportedQuery} when Graph would refuse the query
   */
  public static Decision check(ODataQuery query, boolean directoryObjects, String consistencyLevel) {
    if (!directoryObjects) {
      return new Decision(query.count());
    }
    boolean eventual = consistencyLevel != null && consistencyLevel.trim().equalsIgnoreCase("eventual");
    if (query.search().isPresent() && !eventual) {
      throw new ODataQueryException(ODataQueryException.UNSUPPORTED_QUERY, SEARCH_NEEDS_HEADER);
    }
    boolean advanced = query.filter().map(ODataFilter::usesAdvancedOperators).orElse(false);
    if (advanced && !(eventual && query.count())) {
      throw new ODataQueryException(ODataQueryException.UNSUPPORTED_QUERY, "Unsupported Query.");
    }
    return new Decision(eventual && query.count());
  }
}
