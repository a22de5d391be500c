package io.sallyport.gateway.accesslog;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A bounded queue of lines drained by one daemon thread; offering never blocks. */
final class LineWriter implements AutoCloseable {

  private final BlockingQueue<String> queue;
  private final OutputStream out;
  private final AtomicLong dropped = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  LineWriter(OutputStream out, int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.out = new BufferedOutputStream(out, 64 * 1024);
    this.thread = new Thread(this::drain, "sallyport-access-log");
    thread.setDaemon(true);
    thread.start();
  }

  void offer(String line) {
    if (!queue.offer(line)) {
      dropped.incrementAndGet();
    }
  }

  long dropped() {
    return dropped.get();
  }

  private void drain() {
    List<String> batch = new ArrayList<>(256);
    while (running || !queue.isEmpty()) {
      try {
        String first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, 1023);
        for (String line : batch) {
          out.write(line.getBytes(StandardCharsets.UTF_8));
          out.write('\n');
        }
        out.flush();
        batch.clear();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException e) {
        dropped.addAndGet(batch.size());
        batch.clear();
      }
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(2000);
      out.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException ignored) {
      // the log target is gone; nothing left to tell it
    }
  }
}
