package io.sallyport.gateway.entra.graph;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.models.ExpirationPattern;
import com.microsoft.graph.models.ExpirationPatternType;
import com.microsoft.graph.models.PrivilegedAccessGroupAssignmentScheduleRequest;
import com.microsoft.graph.models.PrivilegedAccessGroupRelationships;
import com.microsoft.graph.models.RequestSchedule;
import com.microsoft.graph.models.ScheduleRequestActions;
import com.microsoft.graph.models.TicketInfo;
import com.microsoft.graph.models.UnifiedRoleAssignmentScheduleRequest;
import com.microsoft.graph.models.UnifiedRoleScheduleRequestActions;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.PeriodAndDuration;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * The Graph SDK v6 for the gateway's rare writes (PIM {@code selfActivate} requests, as the user),
 * on its own small worker pool: the SDK is blocking (OkHttp), so it never runs on an event loop,
 * and the per-request checks keep the non-blocking client. Its typed models write the request
 * bodies; its answers and {@link ODataError}s become the same {@link GraphClient.Reply} the
 * callers judge. A write is sent once: the SDK's retry handler is switched off (a POST may have
 * happened). One OkHttp client (its connection pool and the tenant's CA) for every call; the
 * user's token is given per call.
 */
final class SdkWrites implements AutoCloseable {

  static final String POOL = "sallyport-graph-sdk";
  /** Writes are rare and each holds a worker for one HTTP round trip. */
  static final int POOL_SIZE = 2;

  private final Vertx vertx;
  private final GraphOptions options;
  private final GraphMetrics metrics;
  private final WorkerExecutor workers;
  private volatile OkHttpClient http;

  SdkWrites(Vertx vertx, GraphOptions options, GraphMetrics metrics) {
    this.vertx = vertx;
    this.options = options;
    this.metrics = metrics;
    this.workers = vertx.createSharedWorkerExecutor(POOL, POOL_SIZE);
  }

  /** A PIM self-activation as the user whose Graph token (on-behalf-of) is {@code userToken}. */
  Future<GraphClient.Reply> selfActivate(String operation, PimActivation.Request r, String userToken) {
    long start = System.nanoTime();
    Future<GraphClient.Reply> done = workers.executeBlocking(() -> post(operation, r, userToken), false);
    // the OkHttp call timeout bounds the round trip; this bounds a first call's class loading as well
    return Deadline.bound(vertx, done, options.callTimeout().multipliedBy(3), () -> new GraphUnavailable(
            GraphUnavailable.TIMEOUT, "no answer from Graph within " + options.callTimeout().toMillis() + " ms"))
        .onComplete(ar -> metrics.call(operation, start, ar.cause()));
  }

  private GraphClient.Reply post(String operation, PimActivation.Request r, String userToken) {
    GraphServiceClient graph = client(userToken);
    try {
      JsonObject body;
      if (r.group()) {
        PrivilegedAccessGroupAssignmentScheduleRequest made = graph.identityGovernance().privilegedAccess().group()
            .assignmentScheduleRequests().post(groupRequest(r));
        body = new JsonObject().put("id", made.getId()).put("status", made.getStatus());
      } else {
        UnifiedRoleAssignmentScheduleRequest made = graph.roleManagement().directory()
            .roleAssignmentScheduleRequests().post(roleRequest(r));
        body = new JsonObject().put("id", made.getId()).put("status", made.getStatus());
      }
      metrics.request(operation, 201);
      return new GraphClient.Reply(201, body);
    } catch (ODataError e) {
      int status = e.getResponseStatusCode();
      metrics.request(operation, status);
      if (status == 429 || status >= 500) {
        throw new GraphUnavailable(status == 429 ? GraphUnavailable.THROTTLED : GraphUnavailable.STATUS, status, null,
            "Graph answered " + status, null);
      }
      var err = e.getError();
      return new GraphClient.Reply(status, new JsonObject().put("error", new JsonObject()
          .put("code", err == null ? null : err.getCode()).put("message", err == null ? e.getMessage()
              : err.getMessage())));
    } catch (ApiException e) {
      metrics.request(operation, e.getResponseStatusCode());
      throw new GraphUnavailable(GraphUnavailable.STATUS, e.getResponseStatusCode(), null,
          "Graph answered " + e.getResponseStatusCode() + " without an OData error", null);
    } catch (RuntimeException e) {
      metrics.request(operation, 0);
      throw GraphUnavailable.of(e.getCause() != null ? e.getCause() : e);
    }
  }

  static UnifiedRoleAssignmentScheduleRequest roleRequest(PimActivation.Request r) {
    UnifiedRoleAssignmentScheduleRequest q = new UnifiedRoleAssignmentScheduleRequest();
    q.setAction(UnifiedRoleScheduleRequestActions.SelfActivate);
    q.setPrincipalId(r.principalId());
    q.setRoleDefinitionId(r.target());
    q.setDirectoryScopeId(r.qualifier());
    q.setJustification(r.justification());
    q.setScheduleInfo(schedule(r));
    q.setTicketInfo(ticket(r));
    return q;
  }

  static PrivilegedAccessGroupAssignmentScheduleRequest groupRequest(PimActivation.Request r) {
    PrivilegedAccessGroupAssignmentScheduleRequest q = new PrivilegedAccessGroupAssignmentScheduleRequest();
    q.setAction(ScheduleRequestActions.SelfActivate);
    q.setPrincipalId(r.principalId());
    q.setGroupId(r.target());
    q.setAccessId("owner".equals(r.qualifier()) ? PrivilegedAccessGroupRelationships.Owner
        : PrivilegedAccessGroupRelationships.Member);
    q.setJustification(r.justification());
    q.setScheduleInfo(schedule(r));
    q.setTicketInfo(ticket(r));
    return q;
  }

  private static RequestSchedule schedule(PimActivation.Request r) {
    ExpirationPattern expiration = new ExpirationPattern();
    expiration.setType(ExpirationPatternType.AfterDuration);
    expiration.setDuration(PeriodAndDuration.ofDuration(r.duration()));
    RequestSchedule s = new RequestSchedule();
    s.setExpiration(expiration);
    return s;
  }

  private static TicketInfo ticket(PimActivation.Request r) {
    if (r.ticketNumber() == null) {
      return null;
    }
    TicketInfo t = new TicketInfo();
    t.setTicketNumber(r.ticketNumber());
    t.setTicketSystem(r.ticketSystem());
    return t;
  }

  /** The SDK for one call, with the user's token; the OkHttp client under it is shared. Workers only. */
  private GraphServiceClient client(String userToken) {
    String host = options.graphUrl().getHost();
    AccessTokenProvider tokens = new AccessTokenProvider() {
      @Override
      public String getAuthorizationToken(URI uri, Map<String, Object> additionalAuthenticationContext) {
        // the allowed-hosts check below already keeps the token to Graph's own host
        return userToken;
      }

      @Override
      public AllowedHostsValidator getAllowedHostsValidator() {
        // without its host here the SDK silently sends no token (DESIGN.md §3)
        return new AllowedHostsValidator(host);
      }
    };
    GraphServiceClient graph = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens), http());
    graph.getRequestAdapter().setBaseUrl(options.graphUrl() + "/v1.0");
    return graph;
  }

  private OkHttpClient http() {
    OkHttpClient h = http;
    if (h == null) {
      synchronized (this) {
        if (http == null) {
          // never retried: a write may have happened even when its answer was lost
          RetryHandlerOption once = new RetryHandlerOption((delay, count, request, response) -> false, 0, 0);
          OkHttpClient.Builder b = GraphClientFactory.create(new RequestOption[] {once})
              .callTimeout(options.callTimeout());
          if (options.caPem() != null) {
            try {
              PemTrust.Trust t = PemTrust.trust(options.caPem());
              b.sslSocketFactory(t.context().getSocketFactory(), t.manager());
            } catch (GeneralSecurityException e) {
              throw new GraphUnavailable(GraphUnavailable.TOKEN, "the tenant's CA file cannot be used for Graph: "
                  + e.getMessage());
            }
          }
          http = b.build();
        }
        h = http;
      }
    }
    return h;
  }

  @Override
  public void close() {
    OkHttpClient h = http;
    if (h != null) {
      h.dispatcher().executorService().shutdown();
      h.connectionPool().evictAll();
    }
    workers.close();
  }
}
