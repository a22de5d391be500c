package io.sallyport.gateway.config;

import java.time.Duration;
import java.util.List;

/**
 * Settings of the data plane that hold for every route.
 *
 * @param trustedProxies   CIDRs whose X-Forwarded-* / Forwarded headers are believed; from any
 *                         other peer those headers are replaced, never appended to
 * @param assertionHeader  the header that carries Sallyport's signed identity assertion to the
 *                         upstream; a client-supplied copy is always stripped
 * @param shutdownGrace    how long a stopping gateway lets in-flight requests finish
 * @param reloadInterval   how often the config file is checked for changes (0: never)
 */
public record ProxyConfig(List<Cidr> trustedProxies, String assertionHeader,
                          Duration shutdownGrace, Duration reloadInterval) {

  public ProxyConfig {
    trustedProxies = List.copyOf(trustedProxies);
  }
}
