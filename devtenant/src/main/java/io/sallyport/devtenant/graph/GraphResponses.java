package io.sallyport.devtenant.graph;

import io.sallyport.devtenant.Context;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** Successful Graph responses: JSON with {@code @odata.context}, and Graph's request-id headers. */
public final class GraphResponses {

  private final Context ctx;

  public GraphResponses(Context ctx) {
    this.ctx = ctx;
  }

  /** {@code https://host/v1.0/$metadata#<fragment>}, e.g. {@code users/$entity}. */
  public String context(String fragment) {
    return ctx.graphBaseUrl() + "/$metadata#" + fragment;
  }

  /** The request's absolute URL without its query, for building {@code @odata.nextLink}. */
  public String selfUrl(RoutingContext rc) {
    String path = rc.request().path();
    return ctx.baseUrl() + path;
  }

  public void json(RoutingContext rc, int status, JsonObject body) {
    headers(rc).setStatusCode(status).putHeader("Content-Type",
        "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8")
        .end(body.encode());
  }

  public void ok(RoutingContext rc, JsonObject body) {
    json(rc, 200, body);
  }

  public void created(RoutingContext rc, JsonObject body) {
    json(rc, 201, body);
  }

  public void noContent(RoutingContext rc) {
    headers(rc).setStatusCode(204).end();
  }

  private io.vertx.core.http.HttpServerResponse headers(RoutingContext rc) {
    String requestId = UUID.randomUUID().toString();
    String client = rc.request().getHeader("client-request-id");
    return rc.response().putHeader("request-id", requestId)
        .putHeader("client-request-id", client == null ? requestId : client)
        .putHeader("OData-Version", "4.0");
  }

  /** The JSON body of a write, or Graph's 400 when it is missing or not an object. */
  public JsonObject body(RoutingContext rc) {
    try {
      JsonObject o = rc.body() == null ? null : rc.body().asJsonObject();
      if (o == null) {
        throw io.sallyport.devtenant.http.GraphError.badRequest("Empty Payload. JSON content expected.");
      }
      return o;
    } catch (io.vertx.core.json.DecodeException | ClassCastException e) {
      throw new io.sallyport.devtenant.http.GraphError(400, "BadRequest",
          "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
    }
  }
}
