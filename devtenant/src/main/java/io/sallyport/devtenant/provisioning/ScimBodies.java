package io.sallyport.devtenant.provisioning;

import io.sallyport.devtenant.state.Group;
import io.sallyport.devtenant.state.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;

/**
 * The request bodies and queries Entra's provisioning service sends, copied from Microsoft's
 * documented examples (scim-entra.md §1.3, §1.4) in their field order: user and group creates
 * (with the read-only {@code meta}, the empty {@code roles}, the ADSCIM group schema URN) and the
 * PatchOp envelopes. Null attributes are never sent ("Microsoft Entra ID currently can't provision
 * null attributes").
 */
final class ScimBodies {

  static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  static final String ADSCIM_GROUP = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private ScimBodies() {}

  /** Entra's default mapping mailNickname -> externalId; devtenant users' mailNickname is the UPN's local part. */
  static String mailNickname(User u) {
    int at = u.upn().indexOf('@');
    return at < 0 ? u.upn() : u.upn().substring(0, at);
  }

  static JsonObject createUser(User u) {
    JsonObject body = new JsonObject().put("schemas", new JsonArray().add(USER).add(ENTERPRISE))
        .put("externalId", mailNickname(u)).put("userName", u.upn()).put("active", u.accountEnabled());
    putIfSet(body, "displayName", u.displayName());
    putIfSet(body, "title", u.jobTitle());
    if (u.mail() != null) {
      body.put("emails", new JsonArray().add(new JsonObject().put("primary", true).put("type", "work")
          .put("value", u.mail())));
    }
    body.put("meta", new JsonObject().put("resourceType", "User"));
    JsonObject name = new JsonObject();
    String formatted = String.join(" ", java.util.stream.Stream.of(u.givenName(), u.surname())
        .filter(s -> s != null && !s.isBlank()).toList());
    putIfSet(name, "formatted", formatted.isEmpty() ? null : formatted);
    putIfSet(name, "familyName", u.surname());
    putIfSet(name, "givenName", u.givenName());
    if (!name.isEmpty()) {
      body.put("name", name);
    }
    if (u.department() != null) {
      body.put(ENTERPRISE, new JsonObject().put("department", u.department()));
    }
    return body.put("roles", new JsonArray());
  }

  static JsonObject createGroup(Group g) {
    return new JsonObject().put("schemas", new JsonArray().add(GROUP).add(ADSCIM_GROUP)).put("externalId", g.id())
        .put("displayName", g.displayName()).put("meta", new JsonObject().put("resourceType", "Group"));
  }

  static JsonObject patch(JsonArray operations) {
    return new JsonObject().put("schemas", new JsonArray().add(PATCH_OP)).put("Operations", operations);
  }

  /** Entra capitalises op names (Add, Replace, Remove) unless the Tenant URL has aadOptscim062020. */
  static String op(String name, boolean compliant) {
    return compliant ? name.toLowerCase(Locale.ROOT) : name;
  }

  static JsonObject addMembers(Collection<String> ids, boolean compliant) {
    JsonArray values = new JsonArray();
    ids.forEach(id -> values.add(new JsonObject().putNull("$ref").put("value", id)));
    return new JsonObject().put("op", op("Add", compliant)).put("path", "members").put("value", values);
  }

  /** Removal: default {@code Remove members} with a value array; with the flag one filtered path per member. */
  static JsonArray removeMembers(Collection<String> ids, boolean compliant) {
    JsonArray ops = new JsonArray();
    if (compliant) {
      ids.forEach(id -> ops.add(new JsonObject().put("op", "remove").put("path", "members[value eq \"" + id + "\"]")));
    } else {
      JsonArray values = new JsonArray();
      ids.forEach(id -> values.add(new JsonObject().put("value", id)));
      ops.add(new JsonObject().put("op", "Remove").put("path", "members").put("value", values));
    }
    return ops;
  }

  /** {@code filter=<attr> eq "<value>"}, percent-encoded (space as %20), the value quoted as a SCIM string. */
  static String filter(String attribute, String value) {
    String quoted = "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    return "filter=" + encode(attribute + " eq " + quoted);
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void putIfSet(JsonObject o, String key, String value) {
    if (value != null && !value.isBlank()) {
      o.put(key, value);
    }
  }
}
