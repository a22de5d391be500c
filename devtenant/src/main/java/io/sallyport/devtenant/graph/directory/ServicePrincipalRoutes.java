package io.sallyport.devtenant.graph.directory;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.AppRegistration;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Service principals (enterprise apps): list, get by id or {@code (appId='...')}, and create from an
 * appId (§8.2). An app registration without one holds an empty JSON object in its
 * {@code servicePrincipal} slot until {@code POST /servicePrincipals} fills it.
 */
final class ServicePrincipalRoutes {

  private static final String[] CREATE = {"Application.ReadWrite.OwnedBy", "Application.ReadWrite.All",
      "Directory.ReadWrite.All"};

  private final Context ctx;
  private final GraphResponses responses;
  private final Listing listing;
  private final AppAccess access;

  ServicePrincipalRoutes(Context ctx, GraphResponses responses, Listing listing, AppAccess access) {
    this.ctx = ctx;
    this.responses = responses;
    this.listing = listing;
    this.access = access;
  }

  void mount(Router graph) {
    graph.get("/servicePrincipals").handler(rc -> {
      GraphCaller.from(rc).requireAny(Permissions.APPS_READ);
      listing.collection(rc, type(), "servicePrincipals", all(), false);
    });
    graph.post("/servicePrincipals").handler(this::create);
    graph.getWithRegex("/servicePrincipals" + ApplicationRoutes.BY_APP_ID).handler(rc -> {
      GraphCaller.from(rc).requireAny(Permissions.APPS_READ);
      String appId = rc.pathParam("appId");
      AppRegistration app = ctx.state().apps.find(appId).filter(ServicePrincipalRoutes::hasSp)
          .orElseThrow(() -> GraphError.notFound(appId));
      listing.entity(rc, type(), "servicePrincipals", app.servicePrincipal());
    });
    graph.get("/servicePrincipals/:id").handler(rc -> {
      GraphCaller.from(rc).requireAny(Permissions.APPS_READ);
      String id = rc.pathParam("id");
      AppRegistration app = ctx.state().apps.where(a -> hasSp(a) && id.equalsIgnoreCase(a.servicePrincipalId()))
          .stream().findFirst().orElseThrow(() -> GraphError.notFound(id));
      listing.entity(rc, type(), "servicePrincipals", app.servicePrincipal());
    });
  }

  private void create(RoutingContext rc) {
    GraphCaller caller = GraphCaller.from(rc);
    caller.requireAny(CREATE);
    JsonObject body = responses.body(rc);
    if (!(body.getValue("appId") instanceof String appId) || appId.isBlank()) {
      throw GraphError.badRequest("Property 'appId' is required.");
    }
    AppRegistration app = ctx.state().apps.find(appId).orElseThrow(() -> GraphError.badRequest(
        "The appId '" + appId + "' of the service principal does not reference a valid application object."));
    access.requireWrite(caller, app);
    JsonObject sp = ApplicationJson.servicePrincipal(UUID.randomUUID().toString(), app.application(),
        ctx.tenantId(), ctx.state().info().displayName());
    WriteBodies.check(body, sp, ApplicationJson.SP_TYPE, ApplicationJson.NESTED, ApplicationJson.SP_READ_ONLY);
    if (hasSp(app)) {
      throw new GraphError(409, "Request_MultipleObjectsWithSameKeyValue", "The service principal cannot be created,"
          + " updated, or restored because the service principal name " + appId + " is already in use.");
    }
    WriteBodies.merge(sp, body);
    ctx.state().apps.update(app.appId(), a -> new AppRegistration(a.name(), a.application(), sp, a.secrets(),
        a.certificatePems(), a.graphPermissions()));
    responses.created(rc, new JsonObject().put("@odata.context", responses.context("servicePrincipals/$entity"))
        .mergeIn(sp));
  }

  static boolean hasSp(AppRegistration a) {
    return a.servicePrincipal() != null && a.servicePrincipal().getString("id") != null;
  }

  private List<JsonObject> all() {
    return ctx.state().apps.all().stream().filter(ServicePrincipalRoutes::hasSp)
        .map(AppRegistration::servicePrincipal).toList();
  }

  private EntityType type() {
    JsonObject shape = ApplicationJson.servicePrincipal("", new JsonObject(), "", "");
    return EntityType.of(ApplicationJson.SP_TYPE, "ServicePrincipal", List.copyOf(shape.fieldNames()), List.of(),
        Set.of("id", "appId", "displayName", "appDisplayName", "servicePrincipalNames", "servicePrincipalType",
            "accountEnabled", "tags", "appOwnerOrganizationId", "publisherName"),
        Set.of("displayName", "appDisplayName", "publisherName", "servicePrincipalNames"));
  }
}
