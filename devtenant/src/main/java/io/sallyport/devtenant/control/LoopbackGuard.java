package io.sallyport.devtenant.control;

import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Lets only loopback clients (127.0.0.0/8, ::1) use the control API: it mints tokens for anyone and
 * rewrites the tenant, so a devtenant bound to a non-loopback address must not expose it. Judged on
 * the TCP peer, never on headers a client could set.
 */
final class LoopbackGuard implements Handler<RoutingContext> {

  @Override
  public void handle(RoutingContext rc) {
    SocketAddress peer = rc.request().connection().remoteAddress();
    String host = peer == null ? null : peer.hostAddress();
    if (isLoopback(host)) {
      rc.next();
    } else {
      new ControlError(403, "forbidden", "the /_devtenant API only answers loopback clients (127.0.0.0/8, ::1); "
          + "this request came from " + host).send(rc);
    }
  }

  static boolean isLoopback(String address) {
    if (address == null || address.isEmpty() || !address.matches("[0-9a-fA-F:.%\\[\\]]+")) {
      return false; // only literals: never resolve a name here
    }
    try {
      String literal = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
