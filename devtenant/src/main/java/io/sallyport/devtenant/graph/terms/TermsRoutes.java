package io.sallyport.devtenant.graph.terms;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.graph.odata.ODataPage;
import io.sallyport.devtenant.graph.odata.ODataQuery;
import io.sallyport.devtenant.graph.odata.ODataSelect;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.Acceptance;
import io.sallyport.devtenant.state.Agreement;
import io.sallyport.devtenant.state.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Predicate;

/**
 * Graph v1.0 terms of use: agreements (list, get, file) under
 * {@code /identityGovernance/termsOfUse/agreements}, and acceptances per agreement and per user.
 * Acceptances are readable with a delegated token only ("Application: Not supported" in graph-docs):
 * an app-only caller gets 403 even if it holds an AgreementAcceptance permission.
 */
public final class TermsRoutes {

  private static final String AGREEMENTS = "/identityGovernance/termsOfUse/agreements";
  private static final String[] AGREEMENT_READ = {"Agreement.Read.All", "Agreement.ReadWrite.All"};
  private static final String READ_ALL = "AgreementAcceptance.Read.All";
  private static final String READ_OWN = "AgreementAcceptance.Read";

  private final Context ctx;
  private final GraphResponses responses;

  public TermsRoutes(Context ctx, GraphResponses responses) {
    this.ctx = ctx;
    this.responses = responses;
  }

  public void mount(Router graph) {
    graph.get(AGREEMENTS).handler(this::agreements);
    graph.get(AGREEMENTS + "/:id").handler(this::agreement);
    graph.get(AGREEMENTS + "/:id/file").handler(this::file);
    graph.get(AGREEMENTS + "/:id/acceptances").handler(this::agreementAcceptances);
    graph.get("/me/agreementAcceptances").handler(rc -> userAcceptances(rc, GraphCaller.from(rc).requireUser()));
    graph.get("/users/:user/agreementAcceptances").handler(rc -> userAcceptances(rc, rc.pathParam("user")));
  }

  private void agreements(RoutingContext rc) {
    GraphCaller.from(rc).requireAny(AGREEMENT_READ);
    List<JsonObject> items = ctx.state().agreements.all().stream().map(TermsJson::agreement).toList();
    responses.ok(rc, page(rc, "agreements", items, TermsJson.AGREEMENT_TYPE, TermsJson.AGREEMENT_PROPERTIES));
  }

  private void agreement(RoutingContext rc) {
    GraphCaller.from(rc).requireAny(AGREEMENT_READ);
    ODataQuery query = ODataQuery.parse(rc.queryParams(), 1);
    ODataSelect select = ODataSelect.of(query.select(), TermsJson.AGREEMENT_TYPE, TermsJson.AGREEMENT_PROPERTIES);
    responses.ok(rc, new JsonObject().put("@odata.context", responses.context("agreements/$entity"))
        .mergeIn(select.apply(TermsJson.agreement(find(rc)))));
  }

  /** The default agreementFile; {@code $expand=localizations} adds its one localization. */
  private void file(RoutingContext rc) {
    GraphCaller.from(rc).requireAny(AGREEMENT_READ);
    Agreement a = find(rc);
    ODataQuery query = ODataQuery.parse(rc.queryParams(), 1);
    JsonObject body = new JsonObject().put("@odata.context",
        responses.context("identityGovernance/termsOfUse/agreements('" + a.id() + "')/file/$entity"))
        .mergeIn(TermsJson.file(a));
    for (String e : query.expand()) {
      if (!e.equalsIgnoreCase("localizations")) {
        throw new GraphError(400, "BadRequest", "Could not find a property named '" + e
            + "' on type 'microsoft.graph.agreementFile'.");
      }
      body.put("localizations", new JsonArray().add(TermsJson.localization(a)));
    }
    responses.ok(rc, body);
  }

  private void agreementAcceptances(RoutingContext rc) {
    GraphCaller.from(rc).requireDelegated(READ_ALL);
    Agreement a = find(rc);
    respondAcceptances(rc, x -> x.agreementId().equalsIgnoreCase(a.id()));
  }

  /** A user may read their own acceptances with AgreementAcceptance.Read; anyone else's needs .Read.All. */
  private void userAcceptances(RoutingContext rc, String idOrUpn) {
    GraphCaller caller = GraphCaller.from(rc);
    caller.requireDelegated(READ_OWN, READ_ALL);
    User user = ctx.state().userByIdOrUpn(idOrUpn).orElseThrow(() -> GraphError.notFound(idOrUpn));
    if (!user.id().equalsIgnoreCase(caller.userId())) {
      caller.requireAny(READ_ALL);
    }
    respondAcceptances(rc, x -> x.userId().equalsIgnoreCase(user.id()));
  }

  private void respondAcceptances(RoutingContext rc, Predicate<Acceptance> which) {
    List<JsonObject> items = ctx.state().acceptances.where(which).stream()
        .map(x -> TermsJson.acceptance(x, ctx.state().users.find(x.userId()).orElse(null))).toList();
    responses.ok(rc, page(rc, "agreementAcceptances", items, TermsJson.ACCEPTANCE_TYPE,
        TermsJson.ACCEPTANCE_PROPERTIES));
  }

  private Agreement find(RoutingContext rc) {
    String id = rc.pathParam("id");
    return ctx.state().agreements.find(id).orElseThrow(() -> GraphError.notFound(id));
  }

  private JsonObject page(RoutingContext rc, String context, List<JsonObject> items, String type,
      List<String> properties) {
    ODataQuery query = ODataQuery.parse(rc.queryParams(), 100);
    query.filter().ifPresent(f -> f.requireOnly(properties, type.substring(type.lastIndexOf('.') + 1)));
    ODataSelect select = ODataSelect.of(query.select(), type, properties);
    return new ODataPage(responses.context(context), responses.selfUrl(rc), rc.request().query())
        .render(query.apply(items), query, select);
  }
}
