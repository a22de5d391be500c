package io.sallyport.scim.patch;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.sallyport.scim.resource.AttributeValues;
import io.sallyport.scim.resource.MemberIds;
import io.sallyport.scim.resource.SchemaUrns;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Applies PATCH operations (RFC 7644 §3.5.2) to a resource's stored attributes, in every form
 * Entra sends them. Pure and all-or-nothing: it works on a deep copy and any failure throws a
 * {@link ScimException}, leaving the caller nothing to store. Group members are never stored
 * attributes: their operations become {@link MemberChanges} for the HTTP layer to apply through
 * storage.
 */
public final class PatchEngine {

  private PatchEngine() {}

  public static PatchResult apply(ResourceKind kind, JsonObject current, List<PatchOperation> operations) {
    JsonObject work = current.copy();
    work.remove("schemas");
    AttributeEditor editor = new AttributeEditor(work);
    MemberEdits members = new MemberEdits();
    for (PatchOperation op : operations) {
      if (op.path() != null) {
        applyPath(kind, editor, members, op.op(), op.path(), op.value());
      } else if (op.value() instanceof JsonObject attributes) {
        applyEach(kind, editor, members, op.op(), attributes);
      } else {
        throw ScimException.badRequest(ScimType.INVALID_VALUE, "An " + op.op().wire()
            + " without a path needs an object of attributes as its value, got " + AttributeValues.show(op.value()));
      }
    }
    JsonObject before = current.copy();
    before.remove("schemas");
    boolean changed = !before.equals(work);
    JsonObject result = new JsonObject().put("schemas", SchemaUrns.schemasOf(kind, work)).mergeIn(work);
    return new PatchResult(result, changed, kind == ResourceKind.GROUP ? members.result() : MemberChanges.NONE);
  }

  /**
   * A path-less add or replace: each key of the value is a path of its own. That covers both RFC
   * nesting ({@code "name": {...}}, the extension URN holding an object) and Entra's flattened keys
   * ({@code "name.givenName"}, {@code "urn:…:enterprise:2.0:User:employeeNumber"}).
   */
  private static void applyEach(ResourceKind kind, AttributeEditor editor, MemberEdits members, PatchOp op,
      JsonObject attributes) {
    for (Map.Entry<String, Object> e : attributes) {
      String key = e.getKey();
      if (key.equals("schemas")) {
        continue;
      }
      if (kind == ResourceKind.USER && SchemaUrns.isEnterprise(key) && e.getValue() instanceof JsonObject ext) {
        for (Map.Entry<String, Object> x : ext) {
          applyPath(kind, editor, members, op, ResourceKind.ENTERPRISE_USER + ":" + x.getKey(), x.getValue());
        }
      } else if (e.getValue() != null || op == PatchOp.REPLACE) {
        applyPath(kind, editor, members, op, key, e.getValue());
      }
    }
  }

  private static void applyPath(ResourceKind kind, AttributeEditor editor, MemberEdits members, PatchOp op,
      String path, Object value) {
    Target target = Targets.resolve(kind, path);
    if (kind == ResourceKind.GROUP && target.attr().name().equals("members")) {
      applyMembers(members, op, target, value);
    } else if (op == PatchOp.REMOVE || value == null) {
      editor.remove(target, value);
    } else {
      editor.set(op, target, value);
    }
  }

  private static void applyMembers(MemberEdits members, PatchOp op, Target t, Object value) {
    if (t.sub() != null) {
      throw ScimException.badRequest(ScimType.INVALID_PATH,
          "Path \"" + t.text() + "\": members can be added, removed or replaced, not edited");
    }
    if (t.filtered()) {
      // Entra with aadOptscim062020: remove members[value eq "<id>"], no value.
      Object id = t.seed() == null ? null : t.seed().getValue("value");
      if (op != PatchOp.REMOVE || !(id instanceof String s) || t.seed().size() != 1) {
        throw ScimException.badRequest(ScimType.INVALID_PATH, "Path \"" + t.text()
            + "\": a member filter may only be used to remove, and only as members[value eq \"<id>\"]");
      }
      members.remove(List.of(s));
      return;
    }
    List<String> ids = value == null ? List.of() : MemberIds.from(t.attr(), value, "members");
    switch (op) {
      case ADD -> members.add(ids);
      case REPLACE -> members.replaceAll(ids);
      case REMOVE -> {
        if (value == null) {
          members.replaceAll(List.of());
        } else {
          members.remove(ids);
        }
      }
    }
  }
}
