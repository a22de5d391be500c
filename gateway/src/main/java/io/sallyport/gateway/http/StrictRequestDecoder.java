package io.sallyport.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import io.vertx.core.http.impl.headers.HeadersMultiMap;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.List;

/**
 * Vert.x's HTTP/1 decoder, made to refuse a request that carries both Transfer-Encoding: chunked
 * and Content-Length. Netty's default quietly drops Content-Length and reads chunked (RFC 9112
 * §6.3 allows it), but a proxy that guesses differently from its upstream is how request
 * smuggling starts, so Sallyport rejects the request outright (400, connection closed).
 *
 * <p>It also refuses two things Netty accepts quietly: obsolete line folding (a header line
 * starting with a space or tab, which Netty joins to the previous value, so
 * {@code "Transfer-Encoding:\r\n chunked"} reads as chunked here and as something else elsewhere),
 * and a repeated Content-Length on HTTP/1.0 (Netty keeps the first value; another parser may take
 * the last).
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

  private static final AsciiString CONTENT_LENGTH = AsciiString.cached("content-length");

  /** True while the decoder reads a request line or header block (not a body). */
  private boolean inHead = true;
  /** True once part of the current head was consumed (so the buffer starts at a header line). */
  private boolean headStarted;
  private boolean refused;
  private int contentLengths;

  public StrictRequestDecoder(HttpServerOptions options) {
    super(options);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
    if (refused) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (inHead && foldedLine(in, headStarted)) {
      refused = true;
      in.skipBytes(in.readableBytes());
      DefaultHttpRequest bad = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/bad-request",
          HeadersMultiMap.httpHeaders());
      bad.setDecoderResult(DecoderResult.failure(new IllegalArgumentException(
          "a header line starts with whitespace (obsolete line folding is not accepted)")));
      out.add(bad);
      return;
    }
    int before = out.size();
    int readerIndex = in.readerIndex();
    super.decode(ctx, in, out);
    for (int i = before; i < out.size(); i++) {
      Object o = out.get(i);
      if (o instanceof HttpMessage) {
        inHead = false;
        headStarted = false;
      }
      if (o instanceof LastHttpContent) {
        inHead = true;
        headStarted = false;
      }
    }
    if (inHead && out.size() == before && in.readerIndex() > readerIndex) {
      headStarted = true;
    }
  }

  /**
   * Whether the unread head bytes hold a line that starts with SP or HTAB, up to the blank line
   * that ends the head. The decoder consumes whole lines only, so once a head has started the
   * buffer begins at a line start.
   */
  private static boolean foldedLine(ByteBuf in, boolean headStarted) {
    int i = in.readerIndex();
    int end = in.writerIndex();
    if (!headStarted) {
      while (i < end && (in.getByte(i) == '\r' || in.getByte(i) == '\n')) {
        i++; // empty lines before a request line are tolerated (RFC 9112 §2.2)
      }
    } else if (i < end && (in.getByte(i) == '\r' || in.getByte(i) == '\n')) {
      return false; // the blank line that ends the head
    }
    if (i < end && isWhitespace(in.getByte(i))) {
      return true;
    }
    while (i < end) {
      int lf = in.indexOf(i, end, (byte) '\n');
      if (lf < 0 || lf + 1 >= end) {
        return false;
      }
      byte next = in.getByte(lf + 1);
      if (isWhitespace(next)) {
        return true;
      }
      if (next == '\r' || next == '\n') {
        return false;
      }
      i = lf + 1;
    }
    return false;
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\t';
  }

  @Override
  protected HttpMessage createMessage(String[] initialLine) {
    contentLengths = 0;
    return super.createMessage(initialLine);
  }

  @Override
  protected AsciiString splitHeaderName(byte[] sb, int start, int length) {
    AsciiString name = super.splitHeaderName(sb, start, length);
    if (name.contentEqualsIgnoreCase(CONTENT_LENGTH) && ++contentLengths > 1) {
      throw new IllegalArgumentException("Content-Length appears more than once");
    }
    return name;
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
