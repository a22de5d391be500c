package io.sallyport.gateway.http;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpMessage;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Vert.x's HTTP/1 decoder, made to refuse a request that carries both Transfer-Encoding: chunked
 * and Content-Length. Netty's default quietly drops Content-Length and reads chunked (RFC 9112
 * §6.3 allows it), but a proxy that guesses differently from its upstream is how request
 * smuggling starts, so Sallyport rejects the request outright (400, connection closed).
 *
 * <p>This reaches into Vert.x internals (the pipeline's "httpDecoder"); {@code SmugglingIT}
 * fails if a Vert.x upgrade moves it.
 */
public final class StrictRequestDecoder extends VertxHttpRequestDecoder {

  /** Thrown inside the decoder; surfaces as a failed decoder result on the request. */
  public static final class ConflictingFramingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    ConflictingFramingException() {
      super("both Transfer-Encoding and Content-Length are present");
    }
  }

  public StrictRequestDecoder(HttpServerOptions options) {
    super(options);
  }

  @Override
  protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
    throw new ConflictingFramingException();
  }

  /** Installs the strict decoder on a new HTTP/1.x connection; HTTP/2 has no such framing. */
  public static void install(HttpConnection connection, HttpServerOptions options) {
    if (connection instanceof ConnectionBase base) {
      ChannelPipeline pipeline = base.channelHandlerContext().pipeline();
      if (pipeline.get("httpDecoder") instanceof VertxHttpRequestDecoder) {
        pipeline.replace("httpDecoder", "httpDecoder", new StrictRequestDecoder(options));
      }
    }
  }
}
