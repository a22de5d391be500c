package io.sallyport.gateway.directory;

import io.sallyport.gateway.store.AuditEvent;
import io.sallyport.gateway.store.AuditStore;
import io.sallyport.gateway.store.EventChannel;
import io.sallyport.gateway.store.SessionStore;
import io.sallyport.gateway.store.UniquenessException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when provisioning switches a user off ({@code active} true → false) or deletes
 * them: every session of theirs is revoked in the store, every node is told on {@link #TOPIC} so it
 * drops cached state, and the audit trail records {@link #AUDIT_TYPE}.
 *
 * <p>Sessions are keyed by the user's {@code userName} (the UPN), lower-cased with
 * {@link Locale#ROOT}. The directory write has already committed when this runs, so a failing step
 * is retried briefly and then logged, never reported to the SCIM client as a failed write.
 */
public final class Deprovisioning {

  public static final String TOPIC = "directory.user.deprovisioned";
  public static final String AUDIT_TYPE = "scim.user.deprovisioned";
  public static final String ACTOR = "scim";

  private static final Logger LOG = LoggerFactory.getLogger(Deprovisioning.class);
  private static final long[] RETRY_DELAYS_MS = {200, 1000};

  /** Why a user was deprovisioned. */
  public enum Cause { DEACTIVATED, DELETED;
    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Vertx vertx;
  private final SessionStore sessions;
  private final EventChannel events;
  private final AuditStore audit;
  private final Clock clock;
  private final Supplier<String> ids;

  public Deprovisioning(Vertx vertx, SessionStore sessions, EventChannel events, AuditStore audit,
                        Clock clock, Supplier<String> ids) {
    this.vertx = vertx;
    this.sessions = sessions;
    this.events = events;
    this.audit = audit;
    this.clock = clock;
    this.ids = ids;
  }

  /** The session key for a user: the UPN, lower-cased. Sessions (issue 4) are stored under it. */
  public static String sessionKey(String userName) {
    return userName.toLowerCase(Locale.ROOT);
  }

  /**
   * @param id         the SCIM id
   * @param userNames  every userName the user's sessions may be filed under (before and after a
   *                   rename in the same write); the first is the one announced
   * @return completes (never fails) once each step succeeded or gave up
   */
  public Future<Void> deprovision(String id, List<String> userNames, Cause cause) {
    Set<String> keys = new LinkedHashSet<>();
    userNames.forEach(n -> keys.add(sessionKey(n)));
    List<Future<List<String>>> revocations = new ArrayList<>();
    keys.forEach(k -> revocations.add(retrying("revoke sessions of user " + id, () -> sessions.revokeAllForUser(k))));
    // revoke first: a node reacting to the event re-reads the store and must find them gone
    return Future.join(revocations).transform(all -> {
      int revoked = revocations.stream().filter(Future::succeeded).mapToInt(f -> f.result().size()).sum();
      boolean complete = revocations.stream().allMatch(Future::succeeded);
      String userName = userNames.get(0);
      String payload = new JsonObject().put("id", id).put("userName", userName).encode();
      AuditEvent event = new AuditEvent(ids.get(), clock.instant(), AUDIT_TYPE, ACTOR, "scim", null,
          new JsonObject().put("id", id).put("userName", userName).put("cause", cause.wire())
              .put("sessionsRevoked", revoked).put("revocationComplete", complete));
      Future<Void> published = retrying("publish " + TOPIC + " for user " + id, () -> events.publish(TOPIC, payload));
      Future<Void> audited = retrying("audit " + AUDIT_TYPE + " for user " + id, () -> audit.append(event)
          .recover(t -> t instanceof UniquenessException ? Future.succeededFuture() : Future.failedFuture(t)));
      return Future.join(published, audited).<Void>mapEmpty().otherwiseEmpty();
    });
  }

  private <T> Future<T> retrying(String what, Supplier<Future<T>> step) {
    return attempt(what, step, 0);
  }

  private <T> Future<T> attempt(String what, Supplier<Future<T>> step, int attempt) {
    return step.get().recover(t -> {
      if (attempt >= RETRY_DELAYS_MS.length) {
        LOG.error("deprovisioning: could not {} after {} attempts: {}", what, attempt + 1, t.toString());
        return Future.failedFuture(t);
      }
      return vertx.timer(RETRY_DELAYS_MS[attempt]).compose(x -> attempt(what, step, attempt + 1));
    });
  }
}
