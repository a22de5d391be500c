package io.sallyport.gateway.accesslog;

import io.sallyport.gateway.pipeline.Exchange;
import io.sallyport.gateway.pipeline.ExchangeListener;
import java.io.OutputStream;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One JSON object per line per request. Lines are built on the event loop (cheap string work)
 * and written by a background thread ({@link LineWriter}), so a slow disk never stalls traffic;
 * if the disk cannot keep up, lines are dropped and counted rather than blocking.
 */
public final class AccessLog implements ExchangeListener, AutoCloseable {

  private final LineWriter writer;

  public AccessLog(OutputStream out) {
    this.writer = new LineWriter(out, 65_536);
  }

  @Override
  public void completed(Exchange ex) {
    writer.offer(format(ex));
  }

  public long dropped() {
    return writer.dropped();
  }

  @Override
  public void close() {
    writer.close();
  }

  static String format(Exchange ex) {
    StringBuilder b = new StringBuilder(256);
    b.append("{\"time\":\"").append(Instant.ofEpochMilli(ex.startEpochMillis)).append('"');
    str(b, "requestId", ex.requestId);
    str(b, "route", ex.routeName());
    str(b, "method", ex.method);
    str(b, "path", ex.path);
    b.append(",\"status\":").append(ex.status);
    b.append(",\"bytesIn\":").append(ex.bytesIn);
    b.append(",\"bytesOut\":").append(ex.bytesOut);
    b.append(",\"durationMs\":").append(millis(System.nanoTime() - ex.startNanos));
    if (ex.upstreamNanos >= 0) {
      b.append(",\"upstreamMs\":").append(millis(ex.upstreamNanos));
    }
    if (ex.decision != null) {
      str(b, "decision", ex.decision.verdict().label());
      str(b, "reason", ex.decision.primaryCode());
    }
    if (ex.user != null) {
      str(b, "user", ex.user);
    }
    str(b, "outcome", ex.outcome);
    if (ex.retried) {
      b.append(",\"retried\":true");
    }
    return b.append('}').toString();
  }

  private static String millis(long nanos) {
    long micros = TimeUnit.NANOSECONDS.toMicros(nanos);
    return micros / 1000 + "." + String.format("%03d", micros % 1000);
  }

  private static void str(StringBuilder b, String key, String value) {
    b.append(",\"").append(key).append("\":");
    if (value == null) {
      b.append("null");
      return;
    }
    b.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
