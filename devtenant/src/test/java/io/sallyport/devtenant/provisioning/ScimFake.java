package io.sallyport.devtenant.provisioning;

import io.sallyport.devtenant.harness.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SCIM 2.0 server just big enough for Entra's provisioning sequence: filter queries by userName
 * and displayName, create, PatchOp in both Entra forms, group membership add/remove. It records
 * every request as sent (method, raw URI, Authorization, body) and can answer the next N requests
 * with 429 Retry-After: 1.
 */
final class ScimFake {

  record Request(String method, String uri, String authorization, JsonObject body) {}

  static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  private static final Pattern EQ = Pattern.compile("^(\\w+) eq \"(.*)\"$");

  final List<Request> requests = new CopyOnWriteArrayList<>();
  final Map<String, JsonObject> users = new ConcurrentHashMap<>();
  final Map<String, JsonObject> groups = new ConcurrentHashMap<>();
  final AtomicInteger throttleNext = new AtomicInteger();
  /** Unique attribute (lower-cased) to id, per store, so queries stay O(1) at 10,000 users. */
  private final Map<String, String> index = new ConcurrentHashMap<>();
  private final String token;
  private final HttpServer server;

  ScimFake(Vertx vertx, String token) {
    this.token = token;
    Router r = Router.router(vertx);
    r.route().handler(BodyHandler.create());
    r.route().handler(this::record);
    r.get("/scim/v2/Users").handler(rc -> query(rc, users, "userName"));
    r.post("/scim/v2/Users").handler(rc -> create(rc, users, "userName", "User"));
    r.patch("/scim/v2/Users/:id").handler(this::patchUser);
    r.get("/scim/v2/Groups").handler(rc -> query(rc, groups, "displayName"));
    r.get("/scim/v2/Groups/:id").handler(this::getGroup);
    r.post("/scim/v2/Groups").handler(rc -> create(rc, groups, "displayName", "Group"));
    r.patch("/scim/v2/Groups/:id").handler(this::patchGroup);
    r.route().handler(rc -> error(rc, 404, "no route " + rc.request().method() + " " + rc.request().path()));
    server = Await.result(vertx.createHttpServer().requestHandler(r).listen(0, "127.0.0.1"));
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/scim/v2";
  }

  void close() {
    server.close();
  }

  List<Request> since(int index) {
    return requests.subList(index, requests.size());
  }

  JsonObject user(String userName) {
    return users.values().stream().filter(u -> u.getString("userName").equalsIgnoreCase(userName)).findFirst()
        .orElse(null);
  }

  JsonObject group(String name) {
    return groups.values().stream().filter(g -> g.getString("displayName").equals(name)).findFirst().orElse(null);
  }

  private void record(RoutingContext rc) {
    HttpServerRequest req = rc.request();
    JsonObject body = rc.body().length() == 0 ? null : rc.body().asJsonObject();
    requests.add(new Request(req.method().name(), req.uri(), req.getHeader("Authorization"), body));
    if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      rc.response().putHeader("Retry-After", "1");
      error(rc, 429, "slow down");
      return;
    }
    if (!("Bearer " + token).equals(req.getHeader("Authorization"))) {
      error(rc, 401, "bad token");
      return;
    }
    rc.next();
  }

  private void query(RoutingContext rc, Map<String, JsonObject> store, String attribute) {
    String filter = rc.queryParams().get("filter");
    Matcher m = filter == null ? null : EQ.matcher(filter);
    if (m == null || !m.matches() || !m.group(1).equals(attribute)) {
      error(rc, 400, "unsupported filter " + filter);
      return;
    }
    JsonArray found = new JsonArray();
    String id = index.get(attribute + ":" + m.group(2).toLowerCase(Locale.ROOT));
    JsonObject hit = id == null ? null : store.get(id);
    if (hit != null && hit.getString(attribute).equalsIgnoreCase(m.group(2))) {
      JsonObject copy = hit.copy();
      if ("members".equals(rc.queryParams().get("excludedAttributes"))) {
        copy.remove("members");
      }
      found.add(copy);
    }
    send(rc, 200, new JsonObject().put("schemas", new JsonArray().add(LIST)).put("totalResults", found.size())
        .put("Resources", found).put("startIndex", 1).put("itemsPerPage", 20));
  }

  private synchronized void create(RoutingContext rc, Map<String, JsonObject> store, String unique, String type) {
    JsonObject body = rc.body().asJsonObject();
    String key = body.getString(unique);
    String indexKey = unique + ":" + key.toLowerCase(Locale.ROOT);
    if (index.containsKey(indexKey) && store.containsKey(index.get(indexKey))) {
      error(rc, 409, unique + " " + key + " exists");
      return;
    }
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    JsonObject stored = body.copy().put("id", id).put("meta", new JsonObject().put("resourceType", type));
    stored.remove("roles");
    if (type.equals("Group")) {
      stored.put("members", new JsonArray());
    }
    store.put(id, stored);
    index.put(indexKey, id);
    send(rc, 201, stored);
  }

  private void patchUser(RoutingContext rc) {
    JsonObject user = users.get(rc.pathParam("id"));
    if (user == null) {
      error(rc, 404, "Resource " + rc.pathParam("id") + " not found");
      return;
    }
    for (Object o : rc.body().asJsonObject().getJsonArray("Operations")) {
      JsonObject op = (JsonObject) o;
      if (op.getString("path") == null) {
        op.getJsonObject("value").forEach(e -> set(user, e.getKey(), e.getValue()));
      } else {
        set(user, op.getString("path"), op.getValue("value"));
      }
    }
    send(rc, 200, user);
  }

  private static void set(JsonObject user, String path, Object value) {
    if (path.equals("active")) {
      user.put("active", value instanceof Boolean b ? b : Boolean.parseBoolean((String) value));
    } else if (path.equals("emails[type eq \"work\"].value")) {
      user.put("emails", new JsonArray().add(new JsonObject().put("primary", true).put("type", "work").put("value", value)));
    } else if (path.startsWith("urn:")) {
      String urn = path.substring(0, path.lastIndexOf(':'));
      JsonObject ext = user.getJsonObject(urn, new JsonObject());
      user.put(urn, ext.put(path.substring(path.lastIndexOf(':') + 1), value));
    } else if (path.startsWith("name.")) {
      JsonObject name = user.getJsonObject("name", new JsonObject());
      user.put("name", name.put(path.substring(5), value));
    } else {
      user.put(path, value);
    }
  }

  private void getGroup(RoutingContext rc) {
    JsonObject g = groups.get(rc.pathParam("id"));
    if (g == null) {
      error(rc, 404, "Resource " + rc.pathParam("id") + " not found");
      return;
    }
    JsonObject copy = g.copy();
    copy.remove("members");
    send(rc, 200, copy);
  }

  private synchronized void patchGroup(RoutingContext rc) {
    JsonObject g = groups.get(rc.pathParam("id"));
    if (g == null) {
      error(rc, 404, "Resource " + rc.pathParam("id") + " not found");
      return;
    }
    JsonArray members = g.getJsonArray("members");
    for (Object o : rc.body().asJsonObject().getJsonArray("Operations")) {
      JsonObject op = (JsonObject) o;
      String name = op.getString("op").toLowerCase(Locale.ROOT);
      String path = op.getString("path");
      if (name.equals("replace") && "displayName".equals(path)) {
        g.put("displayName", op.getString("value"));
        index.put("displayName:" + op.getString("value").toLowerCase(Locale.ROOT), g.getString("id"));
      } else if (name.equals("add") && "members".equals(path)) {
        op.getJsonArray("value").forEach(v -> members.add(new JsonObject().put("value", ((JsonObject) v).getString("value"))));
      } else if (name.equals("remove") && "members".equals(path)) {
        op.getJsonArray("value").forEach(v -> remove(members, ((JsonObject) v).getString("value")));
      } else if (name.equals("remove") && path != null && path.startsWith("members[value eq \"")) {
        remove(members, path.substring(18, path.length() - 2));
      } else {
        error(rc, 400, "unsupported op " + op);
        return;
      }
    }
    rc.response().setStatusCode(204).end();
  }

  private static void remove(JsonArray members, String id) {
    members.getList().removeIf(m -> id.equals(m instanceof JsonObject j ? j.getString("value")
        : ((Map<?, ?>) m).get("value")));
  }

  private static void send(RoutingContext rc, int status, JsonObject body) {
    rc.response().setStatusCode(status).putHeader("Content-Type", "application/scim+json").end(body.encode());
  }

  private static void error(RoutingContext rc, int status, String detail) {
    send(rc, status, new JsonObject().put("schemas", new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:Error"))
        .put("status", String.valueOf(status)).put("detail", detail));
  }
}
