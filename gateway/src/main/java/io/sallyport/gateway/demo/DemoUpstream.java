package io.sallyport.gateway.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's stand-in application: shows what an upstream receives through Sallyport (the
 * forwarded and request-id headers, and that spoofed identity headers never arrive), and offers
 * a server-sent event stream, a WebSocket echo and a body echo to try streaming with.
 */
public final class DemoUpstream {

  private final Vertx vertx;
  private HttpServer server;

  public DemoUpstream(Vertx vertx) {
    this.vertx = vertx;
  }

  public Future<Integer> listen(String host, int port) {
    server = vertx.createHttpServer().requestHandler(this::handle)
        .webSocketHandler(ws -> {
          // echo each message as the type it came in, so a browser gets text back for text
          ws.textMessageHandler(ws::writeTextMessage);
          ws.binaryMessageHandler(ws::writeBinaryMessage);
        });
    return server.listen(port, host).map(HttpServer::actualPort);
  }

  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void handle(HttpServerRequest req) {
    String path = req.path();
    if (path.startsWith("/events")) {
      req.response().setChunked(true).putHeader("content-type", "text/event-stream")
          .putHeader("cache-control", "no-cache");
      int[] n = {0};
      long id = vertx.setPeriodic(1000, t -> req.response().write("data: tick " + (++n[0]) + "\n\n"));
      req.response().closeHandler(v -> vertx.cancelTimer(id));
    } else if (path.startsWith("/echo")) {
      req.response().setChunked(true);
      req.pipeTo(req.response());
    } else if (path.startsWith("/bytes/")) {
      bytes(req, path.substring("/bytes/".length()));
    } else {
      req.response().putHeader("content-type", "text/html; charset=utf-8").end(page(req));
    }
  }

  private static void bytes(HttpServerRequest req, String count) {
    long n;
    try {
      n = Math.min(Long.parseLong(count), 1L << 30);
    } catch (NumberFormatException e) {
      req.response().setStatusCode(400).end("expected /bytes/<count>\n");
      return;
    }
    req.response().putHeader("content-length", Long.toString(n)).putHeader("content-type", "application/octet-stream");
    Buffer chunk = Buffer.buffer(new byte[(int) Math.min(n, 64 * 1024)]);
    long[] left = {n};
    Runnable[] pump = new Runnable[1];
    pump[0] = () -> {
      while (left[0] > 0 && !req.response().writeQueueFull()) {
        int len = (int) Math.min(left[0], chunk.length());
        req.response().write(len == chunk.length() ? chunk : chunk.slice(0, len));
        left[0] -= len;
      }
      if (left[0] == 0) {
        req.response().end();
      } else {
        req.response().drainHandler(v -> pump[0].run());
      }
    };
    pump[0].run();
  }

  private static String page(HttpServerRequest req) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    req.headers().forEach(h -> headers.merge(h.getKey(), h.getValue(), (a, b) -> a + ", " + b));
    StringBuilder rows = new StringBuilder();
    headers.forEach((k, v) -> rows.append("<tr><td>").append(esc(k)).append("</td><td>").append(esc(v))
        .append("</td></tr>\n"));
    return """
        <!doctype html><html><head><meta charset="utf-8"><title>Sallyport demo upstream</title>
        <style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}
        td{border-bottom:1px solid #ddd;padding:.2rem .6rem;font-family:monospace;word-break:break-all}
        pre{background:#f4f4f4;padding:.6rem;overflow-x:auto}</style></head><body>
        <h1>Demo upstream</h1>
        <h2>Identity received</h2>
        %s
        <h2>Request</h2>
        <p>This page is served by the demo application behind Sallyport. It received
        <code>%s %s</code> with these headers (note <code>X-Forwarded-*</code>, <code>Forwarded</code>,
        <code>X-Request-Id</code>, and that no client-sent <code>X-Sallyport-*</code> header arrives):</p>
        <table id="headers">%s</table>
        <h2>WebSocket echo</h2>
        <p><input id="msg" value="hello through Sallyport"> <button id="send" type="button">Send</button>
        <output id="echo"></output></p>
        <p>Also try <a href="/events">/events</a> (server-sent events), <code>/echo</code> (POST a body),
        <code>/bytes/1048576</code>.</p>
        <script>
        document.getElementById('send').onclick = function () {
          var ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
          ws.onopen = function () { ws.send(document.getElementById('msg').value); };
          ws.onmessage = function (e) { document.getElementById('echo').textContent = 'echo: ' + e.data; ws.close(); };
          ws.onerror = function () { document.getElementById('echo').textContent = 'WebSocket failed'; };
        };
        </script>
        </body></html>
        """.formatted(DemoIdentity.html(req.headers()), esc(req.method().name()), esc(req.uri()), rows);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
