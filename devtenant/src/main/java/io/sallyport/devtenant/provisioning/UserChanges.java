package io.sallyport.devtenant.provisioning;

import io.sallyport.devtenant.state.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What must change on a SCIM user to match the tenant's user, as PatchOp operations in Entra's
 * forms. Attribute names in the target's answer are matched case-insensitively (SCIM attribute
 * names are). Attributes null in the tenant are skipped, never cleared, as Entra does.
 * <ul>
 * <li>default: one {@code Replace} per attribute path, booleans as the strings "True"/"False";
 * <li>aadOptscim062020: {@code replace} of {@code active} as a JSON boolean and of each filtered path
 *     on its own, and one path-less {@code replace} whose value has dotted attribute paths as keys.
 * </ul>
 */
record UserChanges(Boolean active, Map<String, String> values) {

  static final String WORK_EMAIL = "emails[type eq \"work\"].value";
  static final String DEPARTMENT = ScimBodies.ENTERPRISE + ":department";

  static UserChanges between(User u, JsonObject scim) {
    Boolean active = null;
    Object current = attr(scim, "active");
    boolean isActive = current instanceof Boolean b ? b : current instanceof String s && s.equalsIgnoreCase("true");
    if (isActive != u.accountEnabled()) {
      active = u.accountEnabled();
    }
    Map<String, String> values = new LinkedHashMap<>();
    differs(values, "displayName", u.displayName(), string(attr(scim, "displayName")));
    differs(values, "title", u.jobTitle(), string(attr(scim, "title")));
    differs(values, WORK_EMAIL, u.mail(), workEmail(scim));
    JsonObject name = attr(scim, "name") instanceof JsonObject n ? n : new JsonObject();
    differs(values, "name.givenName", u.givenName(), string(attr(name, "givenName")));
    differs(values, "name.familyName", u.surname(), string(attr(name, "familyName")));
    differs(values, "externalId", ScimBodies.mailNickname(u), string(attr(scim, "externalId")));
    JsonObject ext = attr(scim, ScimBodies.ENTERPRISE) instanceof JsonObject e ? e : new JsonObject();
    differs(values, DEPARTMENT, u.department(), string(attr(ext, "department")));
    return new UserChanges(active, values);
  }

  boolean isEmpty() {
    return active == null && values.isEmpty();
  }

  JsonArray operations(boolean compliant) {
    JsonArray ops = new JsonArray();
    if (active != null) {
      ops.add(new JsonObject().put("op", ScimBodies.op("Replace", compliant)).put("path", "active")
          .put("value", compliant ? (Object) active : active ? "True" : "False"));
    }
    if (!compliant) {
      values.forEach((path, v) -> ops.add(new JsonObject().put("op", "Replace").put("path", path).put("value", v)));
      return ops;
    }
    JsonObject pathless = new JsonObject();
    values.forEach((path, v) -> {
      if (path.contains("[")) {
        ops.add(new JsonObject().put("op", "replace").put("path", path).put("value", v));
      } else {
        pathless.put(path, v);
      }
    });
    if (!pathless.isEmpty()) {
      ops.add(new JsonObject().put("op", "replace").put("value", pathless));
    }
    return ops;
  }

  private static void differs(Map<String, String> out, String path, String tenant, String target) {
    if (tenant != null && !tenant.isBlank() && !tenant.equals(target)) {
      out.put(path, tenant);
    }
  }

  private static String workEmail(JsonObject scim) {
    if (!(attr(scim, "emails") instanceof JsonArray emails)) {
      return null;
    }
    List<JsonObject> all = new ArrayList<>();
    emails.forEach(e -> {
      if (e instanceof JsonObject o) {
        all.add(o);
      }
    });
    return all.stream().filter(e -> "work".equalsIgnoreCase(string(attr(e, "type")))).findFirst()
        .map(e -> string(attr(e, "value"))).orElse(null);
  }

  static Object attr(JsonObject o, String name) {
    for (String k : o.fieldNames()) {
      if (k.equalsIgnoreCase(name)) {
        return o.getValue(k);
      }
    }
    return null;
  }

  private static String string(Object v) {
    return v instanceof String s ? s : null;
  }
}
