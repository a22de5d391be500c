package io.sallyport.gateway.config;

import io.sallyport.gateway.config.StoreConfig.Kind;
import java.nio.file.Path;
import java.util.List;

/** {@code store:}: embedded H2 by default, PostgreSQL for several nodes. Changes need a restart. */
final class StoreSection {
  static final String H2_PATH = "./data";
  static final int POOL_SIZE = 8;
  private static final String KIND_EXPECTED = "h2 or postgres";
  private static final String URL_PREFIX = "jdbc:postgresql://";
  private static final List<String> H2_ONLY = List.of("path");
  private static final List<String> POSTGRES_ONLY = List.of("url", "username", "password");

  private StoreSection() {}

  static StoreConfig read(Section root) {
    Section s = root.section("store", "kind", "path", "url", "username", "password", "pool-size");
    if (!s.present()) {
      return new StoreConfig(Kind.H2, root.baseDir.resolve(H2_PATH).normalize(), null, null, null, POOL_SIZE);
    }
    s.required("kind", KIND_EXPECTED);
    String k = s.text("kind", KIND_EXPECTED);
    Kind kind = null;
    if ("h2".equals(k)) {
      kind = Kind.H2;
    } else if ("postgres".equals(k)) {
      kind = Kind.POSTGRES;
    } else if (k != null) {
      s.badValue("kind", KIND_EXPECTED, k);
    }
    int poolSize = s.integer("pool-size", POOL_SIZE, 1, 64, "an integer 1..64");
    if (kind == Kind.H2) {
      notAllowed(s, POSTGRES_ONLY, "h2");
      String p = s.string("path", H2_PATH, "a directory path");
      return new StoreConfig(kind, s.baseDir.resolve(p).normalize(), null, null, null, poolSize);
    }
    if (kind == Kind.POSTGRES) {
      notAllowed(s, H2_ONLY, "postgres");
      s.required("url", "a URL starting with " + URL_PREFIX);
      String url = s.text("url", "a URL starting with " + URL_PREFIX);
      if (url != null && !url.startsWith(URL_PREFIX)) {
        s.badValue("url", "a URL starting with " + URL_PREFIX, url);
      } else if (url != null && url.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
        // the URL is logged and shown; the password has its own secret-bearing key
        s.errors.add(s.path("url"), "must not contain a password; expected it in store.password");
        url = null;
      }
      String user = s.string("username", null, "a user name");
      return new StoreConfig(kind, null, url, user, s.secret("password"), poolSize);
    }
    return null; // kind missing or wrong: already reported
  }

  private static void notAllowed(Section s, List<String> keys, String kind) {
    for (String key : keys) {
      if (s.has(key)) {
        s.errors.add(s.path(key), "not allowed when kind is " + kind);
      }
    }
  }
}
