package io.sallyport.devtenant.fault;

import io.sallyport.devtenant.http.EntraError;
import io.sallyport.devtenant.http.GraphError;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The error a fault answers with, in the shape of the surface it hits: Graph paths ({@code /v1.0})
 * get Graph's documented throttling body for 429 and odata error bodies otherwise; every other path
 * is an identity endpoint and gets Entra's AADSTS body ({@code temporarily_unavailable} for 429 and
 * 5xx). The AADSTS codes used for these are not documented for this purpose [GUESS]: 90055
 * (TenantThrottlingError) for 429, 50000 (TokenIssuanceError, "sign-in service issue") for 5xx.
 */
final class FaultResponses {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private FaultResponses() {}

  static boolean isGraph(String path) {
    return path.equals("/v1.0") || path.startsWith("/v1.0/");
  }

  static void send(RoutingContext rc, FaultSpec spec, String path, Clock clock) {
    HttpServerResponse response = rc.response();
    String retryAfter = spec.retryAfterHeader();
    if (retryAfter != null) {
      response.putHeader("Retry-After", retryAfter);
    }
    int status = spec.status();
    if (isGraph(path)) {
      if (status == 429) {
        graphThrottled(rc, clock);
      } else {
        new GraphError(status, graphCode(status), graphMessage(status)).send(rc, clock);
      }
    } else if (status == 429) {
      new EntraError("temporarily_unavailable", 90055, "There are too many incoming requests. Please try again later.",
          null, null, 429).send(rc, clock);
    } else if (status >= 500) {
      new EntraError("temporarily_unavailable", 50000,
          "There was an error issuing a token or an issue with our sign-in service.", null, null, status).send(rc, clock);
    } else {
      new EntraError("invalid_request", 90100, "The request was refused (injected fault, HTTP " + status + ").",
          null, null, status).send(rc, clock);
    }
  }

  /** Graph's 429 exactly as graph-docs throttling.md shows it, key order included. */
  private static void graphThrottled(RoutingContext rc, Clock clock) {
    String requestId = UUID.randomUUID().toString();
    JsonObject inner = new JsonObject().put("code", "429").put("date", DATE.format(clock.instant()))
        .put("message", "Please retry after").put("request-id", requestId).put("status", "429");
    JsonObject body = new JsonObject().put("error", new JsonObject().put("code", "TooManyRequests")
        .put("innerError", inner).put("message", "Please retry again later."));
    String client = rc.request().getHeader("client-request-id");
    rc.response().setStatusCode(429).putHeader("Content-Type", "application/json").putHeader("request-id", requestId)
        .putHeader("client-request-id", client == null ? requestId : client).end(body.encode());
  }

  /** Graph's generic error codes by status (graph-docs errors.md code table) [INFERRED mapping]. */
  static String graphCode(int status) {
    return switch (status) {
      case 400 -> "invalidRequest";
      case 401 -> "unauthenticated";
      case 403 -> "accessDenied";
      case 404 -> "itemNotFound";
      case 409 -> "nameAlreadyExists";
      case 503 -> "serviceNotAvailable";
      default -> status >= 500 ? "generalException" : "invalidRequest";
    };
  }

  static String graphMessage(int status) {
    return switch (status) {
      case 401 -> "The caller is not authenticated.";
      case 403 -> "Access denied.";
      case 404 -> "The resource could not be found.";
      case 503 -> "The service is not available. Try the request again after a delay. There may be a Retry-After header.";
      default -> status >= 500 ? "An unspecified error has occurred." : "The request is malformed or incorrect.";
    };
  }
}
