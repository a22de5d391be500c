package io.sallyport.gateway.cli;

import io.sallyport.gateway.Gateway;
import io.sallyport.gateway.config.SallyportConfig;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/** Starts a gateway for a command and ties its graceful stop to JVM shutdown (SIGTERM, Ctrl-C). */
final class Launch {

  private Launch() {}

  static int serve(SallyportConfig config, PrintStream err) {
    Gateway gateway;
    try {
      gateway = Gateway.start(config, Gateway.Environment.system())
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      err.println("sallyport: could not start: " + cause.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      long graceMs = config.proxy().shutdownGrace().toMillis();
      try {
        gateway.stop().toCompletionStage().toCompletableFuture().get(graceMs + 5000, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        err.println("sallyport: shutdown did not finish cleanly: " + e);
      }
    }, "sallyport-shutdown"));
    return Command.KEEP_RUNNING;
  }
}
