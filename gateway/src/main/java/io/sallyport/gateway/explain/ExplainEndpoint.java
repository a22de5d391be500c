package io.sallyport.gateway.explain;

import io.sallyport.gateway.http.Problem;
import io.sallyport.gateway.management.ManagementServer;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /explain} on the management listener: reads at most {@value #MAX_BODY} bytes of
 * JSON, maps every failure once to problem+json (400 malformed, 404 unknown route or user, 405,
 * 413, 503), never to a stack trace, and never echoes a token.
 */
public final class ExplainEndpoint implements Handler<HttpServerRequest> {

  public static final String PATH = "/explain";
  static final int MAX_BODY = 64 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(ExplainEndpoint.class);

  private final Explainer explainer;

  public ExplainEndpoint(Explainer explainer) {
    this.explainer = explainer;
  }

  public ManagementServer.Endpoint endpoint() {
    return new ManagementServer.Endpoint(PATH, this);
  }

  @Override
  public void handle(HttpServerRequest req) {
    if (!req.path().equals(PATH)) {
      fail(req, new ExplainProblem(404, "explain.not_found", "Not found", "only " + PATH + " is served here"));
      return;
    }
    if (req.method() != HttpMethod.POST) {
      req.response().putHeader("allow", "POST");
      fail(req, new ExplainProblem(405, "explain.method", "Method not allowed", "use POST " + PATH
          + " with a JSON body; got " + req.method().name()));
      return;
    }
    String length = req.getHeader("content-length");
    if (length != null && tooLong(length)) {
      tooLarge(req);
      return;
    }
    Buffer body = Buffer.buffer();
    boolean[] refused = {false};
    req.handler(chunk -> {
      if (refused[0]) {
        return;
      }
      if (body.length() + chunk.length() > MAX_BODY) {
        refused[0] = true;
        tooLarge(req);
        return;
      }
      body.appendBuffer(chunk);
    });
    req.exceptionHandler(t -> refused[0] = true);
    req.endHandler(v -> {
      if (!refused[0]) {
        answer(req, body);
      }
    });
  }

  private void answer(HttpServerRequest req, Buffer body) {
    ExplainRequest parsed;
    try {
      Object json = body.length() == 0 ? null : Json.decode(body);
      if (!(json instanceof JsonObject o)) {
        throw ExplainProblem.malformed("the body must be a JSON object like {\"route\": \"billing\", \"user\":"
            + " \"alice@example.com\"}");
      }
      parsed = ExplainRequest.parse(o);
    } catch (ExplainProblem p) {
      fail(req, p);
      return;
    }
    explainer.explain(parsed).onComplete(ar -> {
      if (ar.succeeded()) {
        req.response().setStatusCode(200).putHeader("content-type", "application/json")
            .putHeader("cache-control", "no-store").end(ar.result().toBuffer());
      } else if (ar.cause() instanceof ExplainProblem p) {
        fail(req, p);
      } else {
        // a store or verifier failure: say what, never how deep (no stack trace to the client)
        LOG.warn("explain failed: {}", ar.cause().toString());
        fail(req, new ExplainProblem(503, "explain.unavailable", "Explain unavailable",
            "the explanation could not be made right now (" + ar.cause().getClass().getSimpleName() + "); retry"));
      }
    });
  }

  private static boolean tooLong(String length) {
    try {
      return Long.parseLong(length.trim()) > MAX_BODY;
    } catch (NumberFormatException e) {
      return false; // the HTTP codec has already refused a malformed length
    }
  }

  private static void tooLarge(HttpServerRequest req) {
    new ExplainProblem(413, "explain.too_large", "Body too large", "the body is over " + MAX_BODY
        + " bytes; an explain request is a route and one identity").problem().send(req.response(), null, true);
  }

  private static void fail(HttpServerRequest req, ExplainProblem p) {
    p.problem().send(req.response(), null, false);
  }

  /** JSON decoding with its exception mapped: the message names the position, never the body. */
  private static final class Json {
    static Object decode(Buffer b) {
      try {
        return io.vertx.core.json.Json.decodeValue(b);
      } catch (DecodeException e) {
        throw ExplainProblem.malformed("the body is not valid JSON; expected an object like {\"route\":"
            + " \"billing\", \"token\": \"eyJ...\"}");
      }
    }
  }
}
