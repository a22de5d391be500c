package io.sallyport.scim.http;

import io.sallyport.scim.ScimException;
import io.sallyport.scim.schema.Discovery;
import io.vertx.core.Future;
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
    return ScimReply.json(rc, 200, Discovery.serviceProviderConfig(base(rc), options.maxPageSize()));
  }

  Future<Void> schemas(RoutingContext rc) {
    return ScimReply.json(rc, 200, Discovery.schemas(base(rc)));
  }

  Future<Void> schema(RoutingContext rc) {
    String urn = rc.pathParam("urn");
    return ScimReply.json(rc, 200, Discovery.schema(base(rc), urn)
        .orElseThrow(() -> ScimException.notFound("Schema", urn)));
  }

  Future<Void> resourceTypes(RoutingContext rc) {
    return ScimReply.json(rc, 200, Discovery.resourceTypes(base(rc)));
  }

  Future<Void> resourceType(RoutingContext rc) {
    String name = rc.pathParam("name");
    return ScimReply.json(rc, 200, Discovery.resourceType(base(rc), name)
        .orElseThrow(() -> ScimException.notFound("ResourceType", name)));
  }

  private String base(RoutingContext rc) {
    return Locations.of(rc.request(), options.basePath()).baseUrl();
  }
}
