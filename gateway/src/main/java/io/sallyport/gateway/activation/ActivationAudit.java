package io.sallyport.gateway.activation;

import io.sallyport.gateway.entra.graph.PimActivation;
import io.sallyport.gateway.session.LiveSession;
import io.sallyport.gateway.store.AuditEvent;
import io.sallyport.gateway.store.AuditStore;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The activation's audit events: {@code pim.activation.requested} (what was asked, with the
 * justification and ticket), then {@code .completed}, {@code .pending} or {@code .failed} with the
 * outcome. Actor: the user's object id. A failed write is logged, never shown to the person.
 */
public final class ActivationAudit {

  private static final Logger LOG = LoggerFactory.getLogger(ActivationAudit.class);

  private final Supplier<AuditStore> store;
  private final Clock clock;
  private final Supplier<String> ids;

  public ActivationAudit(Supplier<AuditStore> store, Clock clock, Supplier<String> ids) {
    this.store = store;
    this.clock = clock;
    this.ids = ids;
  }

  void requested(LiveSession s, String route, PimActivation.Request r, String requestId) {
    write("pim.activation.requested", s, route, requestId, new JsonObject()
        .put("kind", r.group() ? "group" : "role").put("target", r.target()).put("qualifier", r.qualifier())
        .put("duration", r.duration().toString()).put("justification", r.justification())
        .put("ticketNumber", r.ticketNumber()).put("ticketSystem", r.ticketSystem()));
  }

  void outcome(LiveSession s, String route, String type, String graphRequestId, String outcome, String requestId) {
    write(type, s, route, requestId, new JsonObject().put("graphRequestId", graphRequestId).put("outcome", outcome));
  }

  private void write(String type, LiveSession s, String route, String requestId, JsonObject details) {
    AuditStore a = store.get();
    if (a == null) {
      LOG.error("audit {} not written: the store is not open", type);
      return;
    }
    a.append(new AuditEvent(ids.get(), clock.instant(), type, s.oid(), route, requestId, details))
        .onFailure(t -> LOG.error("audit {} not written: {}", type, t.toString()));
  }
}
