package io.sallyport.gateway.management;

import io.vertx.core.Future;

/** One thing that must be healthy before the gateway takes traffic; must answer quickly. */
public interface ReadinessCheck {

  String name();

  Future<Void> check();

  static ReadinessCheck of(String name, java.util.function.Supplier<Future<Void>> check) {
    return new ReadinessCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Future<Void> check() {
        return check.get();
      }
    };
  }
}
