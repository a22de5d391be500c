package io.sallyport.gateway.terms;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A small urlencoded form body (at most {@link #MAX} bytes), as the sign-out form reads its own. */
final class FormBody {

  static final int MAX = 4096;

  private FormBody() {}

  static Future<MultiMap> read(HttpServerRequest req) {
    String type = req.headers().get("content-type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return Future.failedFuture("expected a form (application/x-www-form-urlencoded)");
    }
    Promise<MultiMap> p = Promise.promise();
    Buffer body = Buffer.buffer();
    req.handler(chunk -> {
      if (body.length() + chunk.length() > MAX) {
        p.tryFail("the form is larger than " + MAX + " bytes");
        return;
      }
      body.appendBuffer(chunk);
    });
    req.exceptionHandler(p::tryFail);
    req.endHandler(v -> {
      MultiMap m = MultiMap.caseInsensitiveMultiMap();
      for (String pair : body.toString(StandardCharsets.US_ASCII).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          try {
            m.add(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
          } catch (IllegalArgumentException e) {
            p.tryFail("the form is not valid urlencoded text");
            return;
          }
        }
      }
      p.tryComplete(m);
    });
    return p.future();
  }
}
