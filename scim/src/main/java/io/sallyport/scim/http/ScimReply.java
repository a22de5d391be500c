package io.sallyport.scim.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes SCIM responses: always {@code application/scim+json; charset=utf-8}. */
final class ScimReply {

  static final String MEDIA_TYPE = "application/scim+json; charset=utf-8";

  private ScimReply() {}

  static Future<Void> json(RoutingContext rc, int status, JsonObject body) {
    HttpServerResponse response = rc.response().setStatusCode(status);
    response.putHeader("Content-Type", MEDIA_TYPE);
    return response.end(body.toBuffer());
  }

  /** A resource with its ETag (the weak {@code meta.version}). */
  static Future<Void> resource(RoutingContext rc, int status, JsonObject resource, long version) {
    rc.response().putHeader("ETag", Etags.of(version));
    return json(rc, status, resource);
  }

  static Future<Void> noContent(RoutingContext rc) {
    return rc.response().setStatusCode(204).end();
  }
}
