package io.sallyport.devtenant.graph.directory;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.AppRegistration;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * App registrations: {@code /applications} list, create, get (by object id or {@code (appId='...')}),
 * update and {@code addPassword}. Apps live in the tenant state as {@link AppRegistration}s holding the
 * Graph JSON, so a secret added here is at once one the token endpoint accepts.
 */
final class ApplicationRoutes {

  static final String BY_APP_ID = "\\((?:appId|appid)=(?:'|%27)(?<appId>[^'%/]+)(?:'|%27)\\)";

  private final Context ctx;
  private final GraphResponses responses;
  private final Listing listing;
  private final AppAccess access;
  private final Passwords passwords;

  ApplicationRoutes(Context ctx, GraphResponses responses, Listing listing, AppAccess access) {
    this.ctx = ctx;
    this.responses = responses;
    this.listing = listing;
    this.access = access;
    this.passwords = new Passwords(ctx, responses);
  }

  void mount(Router graph) {
    EntityType type = type();
    graph.get("/applications/$count").handler(rc -> {
      GraphCaller caller = GraphCaller.from(rc);
      listing.count(rc, type, visible(caller));
    });
    graph.get("/applications").handler(rc -> {
      GraphCaller caller = GraphCaller.from(rc);
      listing.collection(rc, type, "applications", visible(caller), false);
    });
    graph.post("/applications").handler(this::create);
    graph.getWithRegex("/applications" + BY_APP_ID).handler(rc -> get(rc, byAppId(rc)));
    graph.routeWithRegex(HttpMethod.PATCH, "/applications" + BY_APP_ID).handler(rc -> update(rc, byAppId(rc)));
    graph.get("/applications/:id").handler(rc -> get(rc, byObjectId(rc)));
    graph.patch("/applications/:id").handler(rc -> update(rc, byObjectId(rc)));
    graph.post("/applications/:id/addPassword").handler(rc -> {
      AppRegistration app = byObjectId(rc);
      access.requireWrite(GraphCaller.from(rc), app);
      passwords.add(rc, app);
    });
  }

  private List<JsonObject> visible(GraphCaller caller) {
    access.requireRead(caller, null);
    List<JsonObject> out = new ArrayList<>();
    for (AppRegistration a : ctx.state().apps.all()) {
      if (access.mayRead(caller, a)) {
        out.add(a.application());
      }
    }
    return out;
  }

  private void get(RoutingContext rc, AppRegistration app) {
    access.requireRead(GraphCaller.from(rc), app);
    listing.entity(rc, type(), "applications", app.application());
  }

  private void create(RoutingContext rc) {
    GraphCaller caller = GraphCaller.from(rc);
    access.requireCreate(caller);
    JsonObject body = responses.body(rc);
    var now = ctx.clock().instant();
    JsonObject app = ApplicationJson.application(UUID.randomUUID().toString(), UUID.randomUUID().toString(), null,
        ctx.state().info().domain(), now);
    WriteBodies.check(body, app, ApplicationJson.TYPE, ApplicationJson.NESTED, ApplicationJson.READ_ONLY);
    if (!(body.getValue("displayName") instanceof String name) || name.isBlank()) {
      throw GraphError.badRequest("Property 'displayName' is required and must not be empty.");
    }
    WriteBodies.merge(app, body);
    // Graph answers v2 tokens by default only for audiences that include personal accounts
    String audience = app.getString("signInAudience");
    JsonObject api = body.getJsonObject("api");
    if ((api == null || !api.containsKey("requestedAccessTokenVersion"))
        && ("AzureADMyOrg".equals(audience) || "AzureADMultipleOrgs".equals(audience))) {
      app.getJsonObject("api").putNull("requestedAccessTokenVersion");
    }
    ctx.state().apps.put(new AppRegistration(name, app, new JsonObject(), List.of(), List.of(), Set.of()));
    access.recordOwner(caller, app.getString("id"));
    responses.created(rc, new JsonObject().put("@odata.context", responses.context("applications/$entity"))
        .mergeIn(app));
  }

  private void update(RoutingContext rc, AppRegistration app) {
    access.requireWrite(GraphCaller.from(rc), app);
    JsonObject body = responses.body(rc);
    JsonObject next = app.application().copy();
    WriteBodies.check(body, next, ApplicationJson.TYPE, ApplicationJson.NESTED, ApplicationJson.READ_ONLY);
    if (body.containsKey("displayName") && (!(body.getValue("displayName") instanceof String n) || n.isBlank())) {
      throw GraphError.badRequest("Property 'displayName' must not be empty.");
    }
    WriteBodies.merge(next, body);
    ctx.state().apps.update(app.appId(), a -> a.withApplication(next));
    responses.noContent(rc);
  }

  private AppRegistration byObjectId(RoutingContext rc) {
    String id = rc.pathParam("id");
    return ctx.state().apps.where(a -> id.equalsIgnoreCase(a.objectId())).stream().findFirst()
        .orElseThrow(() -> GraphError.notFound(id));
  }

  private AppRegistration byAppId(RoutingContext rc) {
    String appId = rc.pathParam("appId");
    return ctx.state().apps.find(appId).orElseThrow(() -> GraphError.notFound(appId));
  }

  private EntityType type() {
    JsonObject shape = ApplicationJson.application("", "", "", "", ctx.clock().instant());
    return EntityType.of(ApplicationJson.TYPE, "Application", List.copyOf(shape.fieldNames()), List.of(),
        Set.copyOf(ApplicationJson.FILTERABLE), Set.of("displayName", "description"));
  }
}
