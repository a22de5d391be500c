package io.sallyport.gateway.config;

/** The two listeners: public traffic, and management (health, readiness, metrics). */
public record ListenersConfig(PublicListener publicListener, ManagementListener management) {

  /**
   * @param tls             null for plain HTTP
   * @param http2           offer h2 (ALPN under TLS, h2c upgrade / prior knowledge without)
   * @param maxRequestLine  longest request line accepted, in bytes (longer: 431/414)
   * @param maxHeaderSize   largest header block accepted, in bytes (larger: 431)
   */
  public record PublicListener(String host, int port, TlsConfig tls, boolean http2,
                               int maxRequestLine, int maxHeaderSize) {}

  public record ManagementListener(String host, int port) {}

  /** PEM files for the listener's certificate chain and private key. */
  public record TlsConfig(java.nio.file.Path cert, java.nio.file.Path key) {}
}
