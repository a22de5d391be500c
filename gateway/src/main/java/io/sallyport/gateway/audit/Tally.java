package io.sallyport.gateway.audit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The refusals of one (client IP, route, reason) window: the first one's facts and a count that
 * several event loops add to. Closing swaps the count for a large negative number in one atomic
 * step, so every add either lands before the close (and is reported) or sees the window closed.
 */
final class Tally {
  private static final long CLOSED = Long.MIN_VALUE / 2;

  final Pending first;
  final long startMillis;
  private final AtomicLong count = new AtomicLong(1);
  private volatile long lastMillis;

  Tally(Pending first, long startMillis) {
    this.first = first;
    this.startMillis = startMillis;
    this.lastMillis = startMillis;
  }

  /** @return false when the window was already closed (the caller starts a new one) */
  boolean add(long atMillis) {
    if (count.incrementAndGet() <= 0) {
      return false;
    }
    if (atMillis > lastMillis) {
      lastMillis = atMillis; // racy max: an approximate "last seen" is all the event promises
    }
    return true;
  }

  /** The coalesced event, once; null if another caller closed it first. */
  Pending close() {
    long n = count.getAndSet(CLOSED);
    return n > 0 ? first.coalesced(n, lastMillis) : null;
  }
}
