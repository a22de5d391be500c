/**
 * The OData query layer every devtenant Graph collection endpoint shares: {@code $filter} parsing and
 * evaluation ({@link io.sallyport.devtenant.graph.odata.ODataFilter}), {@code $select}
 * ({@link io.sallyport.devtenant.graph.odata.ODataSelect}), the parsed system query options
 * ({@link io.sallyport.devtenant.graph.odata.ODataQuery}), paging with opaque skip tokens and absolute
 * next links ({@link io.sallyport.devtenant.graph.odata.ODataPage}) and Graph's {@code ConsistencyLevel}
 * rules for directory objects ({@link io.sallyport.devtenant.graph.odata.ConsistencyRules}).
 *
 * <p>Items are plain {@link io.vertx.core.json.JsonObject}s in Graph's own JSON shape, so what an
 * endpoint stores is what it serves. Bad input of any kind surfaces as
 * {@link io.sallyport.devtenant.graph.odata.ODataQueryException} carrying a Graph error code, never as
 * another runtime exception: the Graph SDK under test must see a Graph error body, not a 500.
 */
package io.sallyport.devtenant.graph.odata;
