package io.sallyport.scim.http;

import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.sallyport.scim.spi.StorageConflict;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.lang.System.Logger.Level;

/**
 * The one place a failure becomes a SCIM error response (RFC 7644 §3.12). Client mistakes carry
 * their own status and detail; storage conflicts map to 409/412/404; a failed dependency is 503 and
 * anything unexpected is 500, both logged here and answered with a generic detail, never a trace.
 */
final class ErrorMapper implements Handler<RoutingContext> {

  private static final System.Logger LOG = System.getLogger("io.sallyport.scim.http");

  private final int maxBodyBytes;

  ErrorMapper(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handle(RoutingContext rc) {
    if (rc.response().headWritten()) {
      LOG.log(Level.WARNING, "SCIM failure after the response started: " + rc.request().path(), rc.failure());
      rc.response().reset();
      return;
    }
    // a refused request may still be paused with its body unread: let it drain
    rc.request().resume();
    ScimException error = toScim(rc);
    if (error.status() == 401) {
      rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"sallyport-scim\"");
    }
    ScimReply.json(rc, error.status(), error.body());
  }

  ScimException toScim(RoutingContext rc) {
    Throwable failure = rc.failure();
    if (failure == null) {
      return byStatus(rc.statusCode(), rc);
    }
    if (failure instanceof ScimException scim) {
      return scim;
    }
    if (failure instanceof StorageConflict conflict) {
      return fromConflict(conflict);
    }
    if (failure instanceof HttpException http) {
      return byStatus(http.getStatusCode(), rc);
    }
    if (failure instanceof Unavailable unavailable) {
      LOG.log(Level.ERROR, "SCIM " + rc.request().method() + " " + rc.request().path() + ": "
          + unavailable.what() + " unavailable", unavailable.getCause());
      return new ScimException(503, null, "The SCIM service is temporarily unavailable; retry later");
    }
    LOG.log(Level.ERROR, "SCIM " + rc.request().method() + " " + rc.request().path() + " failed", failure);
    return new ScimException(500, null, "The SCIM service failed to process the request");
  }

  static ScimException fromConflict(StorageConflict conflict) {
    return switch (conflict.kind()) {
      case UNIQUENESS -> new ScimException(409, ScimType.UNIQUENESS, conflict.getMessage());
      case STALE -> new ScimException(412, ScimType.INVALID_VERS,
          conflict.getMessage() + "; it changed while the request ran: read it again");
      case MISSING -> new ScimException(404, null, conflict.getMessage());
    };
  }

  private ScimException byStatus(int status, RoutingContext rc) {
    String target = rc.request().method() + " " + rc.normalizedPath();
    return switch (status) {
      // RFC 7644 has no scimType for an oversized body; tooMany is for result sets, so none is sent
      case 413 -> new ScimException(413, null, "The request body is larger than the accepted " + maxBodyBytes + " bytes");
      case 404 -> new ScimException(404, null, "No SCIM endpoint at " + target);
      case 405 -> new ScimException(405, null, target + " is not supported");
      case 400 -> new ScimException(400, ScimType.INVALID_SYNTAX, "The request is malformed");
      default -> status >= 400 && status < 500
          ? new ScimException(status, null, "The request was refused")
          : new ScimException(500, null, "The SCIM service failed to process the request");
    };
  }
}
