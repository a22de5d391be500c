package io.sallyport.scim.schema;

import io.sallyport.scim.ResourceKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * The discovery documents of RFC 7644 §4 in the shapes of RFC 7643 §5–§7 (examples §8.5–§8.7):
 * /ServiceProviderConfig, /ResourceTypes and /Schemas. No value is ever null (Entra rejects
 * nulls in /Schemas). {@code base} is what {@code meta.location} starts with: the mount path such
 * as {@code /scim/v2} or an absolute URL; the HTTP layer chooses.
 */
public final class Discovery {

  public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  public static final String SERVICE_PROVIDER_CONFIG = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
  public static final String RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

  private Discovery() {}

  /** GET /Schemas: a ListResponse of every served schema. */
  public static JsonObject schemas(String base) {
    return listResponse(Schemas.all().stream().map(s -> s.toJson(base + "/Schemas/" + s.id())).toList());
  }

  /** GET /Schemas/{urn}, case-insensitively; empty when no such schema is served (a 404). */
  public static Optional<JsonObject> schema(String base, String urn) {
    return Schemas.schema(urn).map(s -> s.toJson(base + "/Schemas/" + s.id()));
  }

  /** GET /ResourceTypes: User (with the enterprise extension, optional) and Group. */
  public static JsonObject resourceTypes(String base) {
    return listResponse(List.of(resourceType(base, ResourceKind.USER), resourceType(base, ResourceKind.GROUP)));
  }

  /** GET /ResourceTypes/{name}, case-insensitively; empty for an unknown name. */
  public static Optional<JsonObject> resourceType(String base, String name) {
    for (ResourceKind kind : ResourceKind.values()) {
      if (kind.type().equalsIgnoreCase(name)) {
        return Optional.of(resourceType(base, kind));
      }
    }
    return Optional.empty();
  }

  public static JsonObject resourceType(String base, ResourceKind kind) {
    JsonObject json = new JsonObject().put("schemas", new JsonArray().add(RESOURCE_TYPE))
        .put("id", kind.type()).put("name", kind.type()).put("endpoint", kind.endpoint())
        .put("description", kind == ResourceKind.USER ? "User Account" : "Group")
        .put("schema", kind.coreSchema());
    List<SchemaDef> schemas = Schemas.forKind(kind);
    if (schemas.size() > 1) {
      JsonArray extensions = new JsonArray();
      schemas.subList(1, schemas.size()).forEach(s ->
          extensions.add(new JsonObject().put("schema", s.id()).put("required", false)));
      json.put("schemaExtensions", extensions);
    }
    return json.put("meta", meta("ResourceType", base + "/ResourceTypes/" + kind.type()));
  }

  /**
   * GET /ServiceProviderConfig: PATCH, filter (up to {@code maxResults}), sort and ETags
   * supported; bulk and changePassword not; bearer tokens as the authentication scheme.
   */
  public static JsonObject serviceProviderConfig(String base, int maxResults) {
    return new JsonObject().put("schemas", new JsonArray().add(SERVICE_PROVIDER_CONFIG))
        .put("patch", supported(true))
        .put("bulk", supported(false).put("maxOperations", 0).put("maxPayloadSize", 0))
        .put("filter", supported(true).put("maxResults", maxResults))
        .put("changePassword", supported(false))
        .put("sort", supported(true))
        .put("etag", supported(true))
        .put("authenticationSchemes", new JsonArray().add(new JsonObject()
            .put("type", "oauthbearertoken")
            .put("name", "OAuth Bearer Token")
            .put("description", "Authentication with a bearer token in the Authorization header: a secret token "
                + "issued for the provisioning client, or an OAuth 2.0 access token")
            .put("specUri", "https://www.rfc-editor.org/info/rfc6750")
            .put("primary", true)))
        .put("meta", meta("ServiceProviderConfig", base + "/ServiceProviderConfig"));
  }

  private static JsonObject supported(boolean supported) {
    return new JsonObject().put("supported", supported);
  }

  private static JsonObject meta(String resourceType, String location) {
    return new JsonObject().put("resourceType", resourceType).put("location", location);
  }

  private static JsonObject listResponse(List<JsonObject> resources) {
    return new JsonObject().put("schemas", new JsonArray().add(LIST_RESPONSE))
        .put("totalResults", resources.size()).put("itemsPerPage", resources.size()).put("startIndex", 1)
        .put("Resources", new JsonArray(List.copyOf(resources)));
  }
}
