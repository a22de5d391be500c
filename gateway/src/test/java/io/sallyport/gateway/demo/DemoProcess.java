package io.sallyport.gateway.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code sallyport demo} in a child JVM, in its own working directory (so it runs on the configs
 * bundled in the jar, as from a fresh download), on free ports; stopped by its process id.
 */
final class DemoProcess implements AutoCloseable {

  final int gatewayPort;
  final int managementPort;
  final int upstreamPort;
  final int devtenantPort;
  final Path workDir;
  private final Process process;
  private final Deque<String> output = new ArrayDeque<>();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();

  DemoProcess(Path workDir) throws IOException {
    this.workDir = workDir;
    int[] ports = freePorts(4);
    gatewayPort = ports[0];
    managementPort = ports[1];
    upstreamPort = ports[2];
    devtenantPort = ports[3];
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        "io.sallyport.gateway.Main", "demo", "--port", "" + gatewayPort, "--management-port", "" + managementPort,
        "--upstream-port", "" + upstreamPort, "--devtenant-port", "" + devtenantPort)
        .directory(workDir.toFile()).redirectErrorStream(true).start();
    Thread reader = new Thread(this::read, "demo-child-output");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        synchronized (output) {
          output.addLast(line);
          if (output.size() > 400) {
            output.removeFirst();
          }
        }
        if (line.contains("Sallyport demo is running.")) {
          ready.complete(null);
        }
      }
    } catch (IOException ignored) {
      // the child went away; the test's assertions say what that means
    } finally {
      ready.completeExceptionally(new IllegalStateException("demo process ended before it was ready"));
    }
  }

  void awaitReady() {
    try {
      ready.get(90, TimeUnit.SECONDS);
      Thread.sleep(300); // the intro is printed in one go; let the reader take it all
    } catch (Exception e) {
      throw new AssertionError("demo did not start:\n" + output(), e);
    }
  }

  String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static int[] freePorts(int n) throws IOException {
    ServerSocket[] sockets = new ServerSocket[n];
    int[] ports = new int[n];
    try {
      for (int i = 0; i < n; i++) {
        sockets[i] = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        ports[i] = sockets[i].getLocalPort();
      }
    } finally {
      for (ServerSocket s : sockets) {
        if (s != null) {
          s.close();
        }
      }
    }
    return ports;
  }
}
