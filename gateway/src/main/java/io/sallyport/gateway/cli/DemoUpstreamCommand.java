package io.sallyport.gateway.cli;

import io.sallyport.gateway.demo.DemoUpstream;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** {@code demo-upstream}: only the demo application, e.g. to put behind a gateway of your own. */
public final class DemoUpstreamCommand implements Command {

  @Override
  public String name() {
    return "demo-upstream";
  }

  @Override
  public String summary() {
    return "start only the demo upstream application";
  }

  @Override
  public String help() {
    return """
        Usage: sallyport demo-upstream [--host 127.0.0.1] [--port 8082]

        Starts the demo application alone: a page showing the headers it receives, /events
        (server-sent events), /echo (echoes a request body), /bytes/N and a WebSocket echo.""";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) {
    try {
      Args a = Args.parse(args, Set.of("host", "port"));
      String host = a.options().getOrDefault("host", "127.0.0.1");
      int port = a.intOption("port", 8082);
      Vertx vertx = Vertx.vertx();
      int actual = new DemoUpstream(vertx).listen(host, port).toCompletionStage().toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
      out.println("demo upstream listening on http://" + host + ":" + actual + "/");
      return KEEP_RUNNING;
    } catch (IllegalArgumentException e) {
      err.println("sallyport demo-upstream: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("sallyport demo-upstream: could not start: " + (e.getCause() == null ? e : e.getCause()).getMessage());
      return 1;
    }
  }
}
