package io.sallyport.gateway.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;

/** The explain answer as a table a person reads in a terminal. */
final class ExplainTable {
  private ExplainTable() {}

  static void print(JsonObject a, PrintStream out) {
    JsonObject route = a.getJsonObject("route", new JsonObject());
    JsonObject id = a.getJsonObject("identity", new JsonObject());
    JsonObject decision = a.getJsonObject("decision", new JsonObject());
    out.printf("route:     %s%s  require %s%n", route.getString("name"),
        route.getBoolean("public", false) ? " (PUBLIC)" : "", route.getJsonObject("require", new JsonObject()).encode());
    String who = id.getString("upn") != null ? id.getString("upn") : id.getString("oid", "(unknown)");
    out.printf("identity:  %s  from %s%s%n", who, id.getString("source"),
        id.getBoolean("verified", false) ? "" : " (NOT verified)");
    out.printf("           %s%n", id.getString("note"));
    out.println();
    out.printf("  %-14s %-14s %-32s %s%n", "CHECK", "VERDICT", "CODE", "DETAIL");
    for (Object o : a.getJsonArray("checks", new JsonArray())) {
      JsonObject c = (JsonObject) o;
      out.printf("  %-14s %-14s %-32s %s%n", c.getString("check"), c.getString("verdict"),
          c.getString("code", "-"), c.getString("detail", ""));
    }
    out.println();
    out.println("directory: " + directory(a.getJsonObject("directory", new JsonObject())));
    out.printf("decision:  %s  %s  (HTTP %d)%n", decision.getString("verdict", "?").toUpperCase(java.util.Locale.ROOT),
        decision.getString("code"), decision.getInteger("status", 0));
    JsonArray next = a.getJsonArray("next", new JsonArray());
    if (!next.isEmpty()) {
      out.println("next:");
      for (Object o : next) {
        JsonObject n = (JsonObject) o;
        out.printf("  - %s: %s%n", n.getString("code"), n.getString("action"));
      }
    }
  }

  private static String directory(JsonObject d) {
    if (!d.getBoolean("checked", false) || !d.getBoolean("found", false)) {
      return d.getString("note", "not checked");
    }
    StringBuilder b = new StringBuilder(d.getString("userName")).append(d.getBoolean("active", false)
        ? " (active)" : " (INACTIVE)");
    JsonArray groups = d.getJsonArray("groups", new JsonArray());
    b.append(", groups: ");
    if (groups.isEmpty()) {
      b.append("none");
    }
    for (int i = 0; i < groups.size(); i++) {
      JsonObject g = groups.getJsonObject(i);
      b.append(i == 0 ? "" : ", ").append(g.getString("displayName"))
          .append(g.getString("externalId") == null ? "" : " (" + g.getString("externalId") + ")");
    }
    return b.toString();
  }
}
