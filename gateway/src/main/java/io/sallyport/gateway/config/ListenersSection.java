package io.sallyport.gateway.config;

import io.sallyport.gateway.config.ListenersConfig.ManagementListener;
import io.sallyport.gateway.config.ListenersConfig.PublicListener;
import io.sallyport.gateway.config.ListenersConfig.TlsConfig;
import java.util.regex.Pattern;

/** {@code listeners:}: the public listener and the management listener. Changes need a restart. */
final class ListenersSection {
  static final String PUBLIC_HOST = "0.0.0.0";
  static final int PUBLIC_PORT = 8080;
  static final String MANAGEMENT_HOST = "127.0.0.1";
  static final int MANAGEMENT_PORT = 8081;
  static final int MAX_REQUEST_LINE = 8 * 1024;
  static final int MAX_HEADER_SIZE = 16 * 1024;

  private static final String PORT = "an integer 1..65535 (0 for any free port)";
  private static final String HOST = "a bind address such as 0.0.0.0, 127.0.0.1 or ::";
  // a bind address or host name: no scheme, no path, no whitespace
  private static final Pattern HOST_SYNTAX = Pattern.compile("[A-Za-z0-9._:%\\[\\]-]+");

  private ListenersSection() {}

  static ListenersConfig read(Section root) {
    Section s = root.section("listeners", "public", "management");
    Section pub = s.section("public", "host", "port", "http2", "max-request-line", "max-header-size", "tls");
    PublicListener publicListener = new PublicListener(
        host(pub, PUBLIC_HOST),
        pub.integer("port", PUBLIC_PORT, 0, 65535, PORT),
        tls(pub.section("tls", "cert", "key")),
        pub.bool("http2", true),
        (int) pub.size("max-request-line", MAX_REQUEST_LINE, 1024, 64 * 1024, "between 1KiB and 64KiB", false),
        (int) pub.size("max-header-size", MAX_HEADER_SIZE, 1024, 256 * 1024, "between 1KiB and 256KiB", false));
    Section mgmt = s.section("management", "host", "port");
    ManagementListener management = new ManagementListener(
        host(mgmt, MANAGEMENT_HOST), mgmt.integer("port", MANAGEMENT_PORT, 0, 65535, PORT));
    int p = publicListener.port();
    if (p != 0 && p == management.port()) {
      s.errors.add(mgmt.path("port"), "must differ from listeners.public.port (both are " + p
          + "); expected another port, or 0 for any free port");
    }
    return new ListenersConfig(publicListener, management);
  }

  private static String host(Section s, String def) {
    String h = s.string("host", def, HOST);
    if (!HOST_SYNTAX.matcher(h).matches()) {
      s.badValue("host", HOST, h);
      return def;
    }
    return h;
  }

  private static TlsConfig tls(Section tls) {
    if (!tls.present()) {
      return null;
    }
    tls.required("cert", "a PEM certificate chain file");
    tls.required("key", "a PEM private key file");
    var cert = tls.existingFile("cert", "a readable PEM certificate chain file");
    var key = tls.existingFile("key", "a readable PEM private key file");
    return new TlsConfig(cert, key);
  }
}
