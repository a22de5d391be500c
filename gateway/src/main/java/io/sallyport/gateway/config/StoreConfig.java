package io.sallyport.gateway.config;

import java.nio.file.Path;

/**
 * Where durable state lives: embedded H2 in a data directory (one node), or PostgreSQL (several).
 *
 * @param path      H2 only: the data directory
 * @param url       PostgreSQL only: a jdbc:postgresql:// URL
 * @param password  resolved secret; never logged
 * @param poolSize  JDBC connections (and worker threads that use them)
 */
public record StoreConfig(Kind kind, Path path, String url, String username, String password,
                          int poolSize) {
  public enum Kind { H2, POSTGRES }

  @Override
  public String toString() {
    return "StoreConfig[kind=" + kind + ", path=" + path + ", url=" + url + ", username="
        + username + ", password=" + (password == null ? "none" : "***") + ", poolSize=" + poolSize + "]";
  }
}
