package io.sallyport.gateway.http;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Supplier;

/**
 * Answers requests that the HTTP decoder could not parse. They never reach routing, and the
 * connection is always closed: after a framing error nobody knows where the next request starts.
 */
public final class InvalidRequests implements Handler<HttpServerRequest> {

  private final Supplier<String> ids;
  private final Handler<Problem> observer;

  /** @param observer sees every refusal (metrics, access log) */
  public InvalidRequests(Supplier<String> ids, Handler<Problem> observer) {
    this.ids = ids;
    this.observer = observer;
  }

  @Override
  public void handle(HttpServerRequest request) {
    Problem p = classify(request.decoderResult());
    observer.handle(p);
    p.sendAndClose(request, ids.get());
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
