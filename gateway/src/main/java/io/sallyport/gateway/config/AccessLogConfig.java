package io.sallyport.gateway.config;

/**
 * One JSON line per request.
 *
 * @param target  "stdout", "off", or a file path
 */
public record AccessLogConfig(String target) {
  public boolean enabled() {
    return !"off".equals(target);
  }
}
