package io.sallyport.devtenant.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The running counts of a cycle; keeps the first 20 error messages, as a summary should. */
final class Tally {

  static final int MAX_MESSAGES = 20;

  final AtomicInteger created = new AtomicInteger();
  final AtomicInteger updated = new AtomicInteger();
  final AtomicInteger disabled = new AtomicInteger();
  final AtomicInteger unchanged = new AtomicInteger();
  final AtomicInteger groupsCreated = new AtomicInteger();
  final AtomicInteger groupsUpdated = new AtomicInteger();
  final AtomicInteger membersAdded = new AtomicInteger();
  final AtomicInteger membersRemoved = new AtomicInteger();
  final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger retries = new AtomicInteger();
  final AtomicInteger errors = new AtomicInteger();
  private final List<String> messages = new ArrayList<>();
  private final Instant started;
  private final long startNanos = System.nanoTime();

  Tally(Clock clock) {
    this.started = clock.instant();
  }

  synchronized void error(String message) {
    errors.incrementAndGet();
    if (messages.size() < MAX_MESSAGES) {
      messages.add(message);
    }
  }

  synchronized ProvisioningReport report(Clock clock, String scimUrl) {
    return new ProvisioningReport(started, clock.instant(), (System.nanoTime() - startNanos) / 1_000_000, scimUrl,
        created.get(), updated.get(), disabled.get(), unchanged.get(), groupsCreated.get(), groupsUpdated.get(),
        membersAdded.get(), membersRemoved.get(), requests.get(), retries.get(), errors.get(), List.copyOf(messages));
  }
}
