package io.sallyport.gateway.pipeline;

/** Told once about every finished exchange (access log, metrics). Must not block. */
@FunctionalInterface
public interface ExchangeListener {

  void completed(Exchange exchange);

  static ExchangeListener all(ExchangeListener... listeners) {
    return ex -> {
      for (ExchangeListener l : listeners) {
        l.completed(ex);
      }
    };
  }
}
