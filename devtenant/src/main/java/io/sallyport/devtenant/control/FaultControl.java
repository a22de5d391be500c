package io.sallyport.devtenant.control;

import io.sallyport.devtenant.fault.Fault;
import io.sallyport.devtenant.fault.FaultInjector;
import io.sallyport.devtenant.fault.FaultSpec;
import io.sallyport.devtenant.fault.PathPattern;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Installs, lists and removes injected faults ({@code /_devtenant/faults}). */
final class FaultControl {

  private final FaultInjector faults;

  FaultControl(FaultInjector faults) {
    this.faults = faults;
  }

  void add(RoutingContext rc) {
    JsonBody b = JsonBody.of(rc, false, "path", "method", "latency-ms", "status", "retry-after", "drop", "times",
        "probability");
    Object retry = rc.body().asJsonObject().getValue("retry-after");
    if (retry != null && !(retry instanceof String) && !(retry instanceof Number)) {
      throw JsonBody.invalid("retry-after", "seconds as a string such as \"2\"", retry);
    }
    String method = b.string("method");
    if (method != null && !method.matches("[A-Za-z]+")) {
      throw JsonBody.invalid("method", "an HTTP method such as GET", method);
    }
    FaultSpec spec;
    try {
      Long status = b.integer("status");
      Long times = b.integer("times");
      spec = new FaultSpec(PathPattern.parse(b.requiredString("path")), method,
          b.has("latency-ms") ? b.integer("latency-ms") : 0, status == null ? null : status.intValue(),
          retry == null ? null : retry instanceof Number n ? n.toString() : (String) retry,
          Boolean.TRUE.equals(b.bool("drop")), times == null ? null : (int) Math.min(times, Integer.MAX_VALUE),
          b.has("probability") ? b.number("probability") : 1.0);
    } catch (IllegalArgumentException e) {
      throw ControlError.badRequest("invalid_value", e.getMessage());
    }
    Fault f = faults.add(spec);
    Replies.json(rc, 201, f.toJson());
  }

  void list(RoutingContext rc) {
    Replies.ok(rc, new JsonObject().put("faults", new JsonArray(faults.describe())));
  }

  void remove(RoutingContext rc) {
    String id = rc.pathParam("id");
    Fault f = faults.remove(id).orElseThrow(() -> ControlError.notFound("fault_not_found",
        "no fault with id \"" + id + "\""));
    Replies.ok(rc, new JsonObject().put("removed", f.toJson()));
  }

  void clear(RoutingContext rc) {
    Replies.ok(rc, new JsonObject().put("removed", faults.clear()));
  }
}
