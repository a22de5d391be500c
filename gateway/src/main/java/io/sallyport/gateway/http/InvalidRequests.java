package io.sallyport.gateway.http;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.sallyport.gateway.pipeline.Exchange;
import io.sallyport.gateway.pipeline.ExchangeListener;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Answers requests that the HTTP decoder could not parse. They never reach routing, and the
 * connection is always closed: after a framing error nobody knows where the next request starts.
 */
public final class InvalidRequests implements Handler<HttpServerRequest> {

  private final Supplier<String> ids;
  private final Clock clock;
  private final ExchangeListener listener;

  /** @param listener told about every refusal, like any other exchange (metrics, access log) */
  public InvalidRequests(Supplier<String> ids, Clock clock, ExchangeListener listener) {
    this.ids = ids;
    this.clock = clock;
    this.listener = listener;
  }

  @Override
  public void handle(HttpServerRequest request) {
    Problem p = classify(request.decoderResult());
    String method = request.method() == null ? "-" : request.method().name();
    String uri = request.uri() == null ? "-" : clip(request.uri());
    Exchange ex = new Exchange(ids.get(), System.nanoTime(), clock.millis(), method, uri);
    ex.outcome = p.code();
    ex.status = p.status();
    p.sendAndClose(request, ex.requestId);
    ex.bytesOut = request.response().bytesWritten();
    if (ex.finish()) {
      listener.completed(ex);
    }
  }

  /** The path part only, clipped: a malformed request line is attacker-controlled text. */
  private static String clip(String uri) {
    int q = uri.indexOf('?');
    String path = q >= 0 ? uri.substring(0, q) : uri;
    return path.length() > 200 ? path.substring(0, 200) + "…" : path;
  }

  static Problem classify(DecoderResult result) {
    Throwable cause = result == null ? null : result.cause();
    if (cause instanceof TooLongHttpLineException) {
      return new Problem(431, "request.line_too_large", "Request line too large",
          "The request line is longer than this gateway accepts (listeners.public.max-request-line).");
    }
    if (cause instanceof TooLongHttpHeaderException) {
      return new Problem(431, "request.headers_too_large", "Request header fields too large",
          "The request headers are larger than this gateway accepts (listeners.public.max-header-size).");
    }
    if (cause instanceof StrictRequestDecoder.ConflictingFramingException) {
      return new Problem(400, "request.ambiguous_framing", "Ambiguous request framing",
          "The request has both Transfer-Encoding and Content-Length; send exactly one.");
    }
    String why = cause == null || cause.getMessage() == null ? "unparseable request" : cause.getMessage();
    return new Problem(400, "request.malformed", "Malformed request",
        "The request could not be parsed as HTTP: " + truncate(why) + ".");
  }

  private static String truncate(String s) {
    String oneLine = s.replaceAll("[\\r\\n\\t]+", " ");
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
  }
}
