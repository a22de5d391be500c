package io.sallyport.scim.http;

import io.sallyport.scim.ScimException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Schema discovery (RFC 7644 §4): {@code /ServiceProviderConfig}, {@code /Schemas} and
 * {@code /ResourceTypes}, the last two as ListResponses (Entra's gallery validation requires it),
 * each also by id. Discovery needs authentication too (the RFC allows either; the gateway's
 * SCIM listener exposes nothing without a token).
 */
final class DiscoveryRoutes {

  private final ScimOptions options;

  DiscoveryRoutes(ScimOptions options) {
    this.options = options;
  }

  Future<Void> serviceProviderConfig(RoutingContext rc) {
    return ScimReply.json(rc, 200, Protocol.serviceProviderConfig(options, base(rc)));
  }

  Future<Void> schemas(RoutingContext rc) {
    return ScimReply.json(rc, 200, listResponse(Protocol.schemas(base(rc))));
  }

  Future<Void> schema(RoutingContext rc) {
    return ScimReply.json(rc, 200, byId(Protocol.schemas(base(rc)), rc.pathParam("urn"), "Schema"));
  }

  Future<Void> resourceTypes(RoutingContext rc) {
    return ScimReply.json(rc, 200, listResponse(Protocol.resourceTypes(base(rc))));
  }

  Future<Void> resourceType(RoutingContext rc) {
    return ScimReply.json(rc, 200, byId(Protocol.resourceTypes(base(rc)), rc.pathParam("name"), "ResourceType"));
  }

  private String base(RoutingContext rc) {
    return Locations.of(rc.request(), options.basePath()).baseUrl();
  }

  private static JsonObject byId(JsonArray documents, String id, String what) {
    for (Object document : documents) {
      JsonObject d = (JsonObject) document;
      if (id.equalsIgnoreCase(d.getString("id"))) {
        return d;
      }
    }
    throw ScimException.notFound(what, id);
  }

  private static JsonObject listResponse(JsonArray documents) {
    return new JsonObject().put("schemas", new JsonArray().add(Listing.LIST_SCHEMA))
        .put("totalResults", documents.size()).put("Resources", documents)
        .put("startIndex", 1).put("itemsPerPage", documents.size());
  }
}
