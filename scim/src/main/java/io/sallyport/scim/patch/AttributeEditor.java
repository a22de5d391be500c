package io.sallyport.scim.patch;

import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.sallyport.scim.resource.AttributeValues;
import io.sallyport.scim.schema.AttributeDef;
import io.sallyport.scim.schema.AttributeType;
import io.sallyport.scim.schema.Mutability;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Applies one add, replace or remove to a resolved {@link Target} of a working copy of the
 * resource, per RFC 7644 §3.5.2.1–3. Every value passes {@link AttributeValues} first, so a PATCH
 * accepts exactly what a POST accepts. Enterprise attributes live under the extension URN key.
 */
final class AttributeEditor {

  private final JsonObject resource;

  AttributeEditor(JsonObject resource) {
    this.resource = resource;
  }

  void set(PatchOp op, Target t, Object value) {
    checkWritable(t);
    if (t.filtered()) {
      setFiltered(op, t, value);
    } else if (t.sub() != null) {
      setSub(t, value);
    } else if (t.attr().multiValued()) {
      JsonArray incoming = (JsonArray) AttributeValues.coerce(t.attr(), asArray(value), t.text());
      if (op == PatchOp.REPLACE || incoming == null) {
        store(t, incoming == null && op == PatchOp.ADD ? current(t) : incoming);
      } else {
        store(t, append(t, incoming));
      }
    } else {
      Object v = AttributeValues.coerce(t.attr(), value, t.text());
      if (v instanceof JsonObject obj && current(t) instanceof JsonObject old) {
        // Sub-attributes not given are left as they were (RFC 7644 §3.5.2.1 and §3.5.2.3).
        v = AttributeValues.coerceOne(t.attr(), old.copy().mergeIn(obj), t.text());
      }
      store(t, v);
    }
  }

  void remove(Target t, Object value) {
    checkWritable(t);
    Object old = current(t);
    if (t.filtered()) {
      JsonArray kept = new JsonArray();
      for (Object e : (JsonArray) (old instanceof JsonArray a ? a : new JsonArray())) {
        JsonObject element = (JsonObject) e;
        if (!t.selector().test(element)) {
          kept.add(element);
        } else if (t.sub() != null) {
          element.remove(t.sub().name());
          kept.add(element);
        }
      }
      store(t, kept);
    } else if (t.sub() != null) {
      setSub(t, null);
    } else if (t.attr().multiValued() && value != null && old instanceof JsonArray array) {
      JsonArray gone = (JsonArray) AttributeValues.coerce(t.attr(), asArray(value), t.text());
      JsonArray kept = new JsonArray();
      array.forEach(e -> {
        if (gone == null || gone.stream().noneMatch(g -> sameValue(e, g))) {
          kept.add(e);
        }
      });
      store(t, kept);
    } else {
      store(t, null);
    }
  }

  private void setFiltered(PatchOp op, Target t, Object value) {
    JsonArray array = current(t) instanceof JsonArray a ? a : new JsonArray();
    boolean matched = false;
    for (int i = 0; i < array.size(); i++) {
      JsonObject element = array.getJsonObject(i);
      if (t.selector().test(element)) {
        matched = true;
        array.set(i, edited(op, t, element, value));
      }
    }
    if (!matched) {
      if (t.seed() == null) {
        throw ScimException.badRequest(ScimType.NO_TARGET, "Path \"" + t.text() + "\" matches no value");
      }
      // RFC 7644 §3.5.2.3 says noTarget here; Entra expects the value to be added (e.g. a first work email).
      array.add(edited(PatchOp.ADD, t, t.seed().copy(), value));
    }
    store(t, array);
  }

  private Object edited(PatchOp op, Target t, JsonObject element, Object value) {
    JsonObject next;
    if (t.sub() != null) {
      next = element.copy();
      Object v = AttributeValues.coerceOne(t.sub(), value, t.text());
      if (v == null) {
        next.remove(t.sub().name());
      } else {
        next.put(t.sub().name(), v);
      }
    } else {
      Object v = AttributeValues.coerceOne(t.attr(), value instanceof JsonArray a && a.size() == 1 ? a.getValue(0) : value,
          t.text());
      next = v == null ? new JsonObject() : (JsonObject) v;
      next = op == PatchOp.REPLACE ? next : element.copy().mergeIn(next);
    }
    return next;
  }

  private void setSub(Target t, Object value) {
    Object old = current(t);
    if (t.attr().multiValued()) {
      if (!(old instanceof JsonArray array) || array.isEmpty()) {
        if (value == null) {
          return;
        }
        throw ScimException.badRequest(ScimType.NO_TARGET, "Path \"" + t.text() + "\" matches no value; add a '"
            + t.attr().name() + "' value first or select one with a filter");
      }
      JsonArray next = new JsonArray();
      array.forEach(e -> next.add(edited(PatchOp.REPLACE, t, (JsonObject) e, value)));
      store(t, next);
      return;
    }
    JsonObject obj = old instanceof JsonObject o ? o.copy() : new JsonObject();
    Object v = AttributeValues.coerceOne(t.sub(), value, t.text());
    if (v == null) {
      obj.remove(t.sub().name());
    } else {
      obj.put(t.sub().name(), v);
    }
    // Re-checked whole: a manager whose "value" was removed is no manager.
    store(t, AttributeValues.coerceOne(t.attr(), obj, t.attr().name()));
  }

  private JsonArray append(Target t, JsonArray incoming) {
    JsonArray next = current(t) instanceof JsonArray a ? a.copy() : new JsonArray();
    for (Object v : incoming) {
      if (next.stream().anyMatch(v::equals)) {
        continue;
      }
      if (v instanceof JsonObject o && Boolean.TRUE.equals(o.getValue("primary"))) {
        // The newest primary wins (RFC 7643 §2.4: at most one primary).
        next.forEach(e -> ((JsonObject) e).remove("primary"));
      }
      next.add(v);
    }
    return next;
  }

  private void checkWritable(Target t) {
    AttributeDef attr = t.sub() != null ? t.sub() : t.attr();
    if (t.attr().mutability() == Mutability.READ_ONLY || attr.mutability() == Mutability.READ_ONLY) {
      throw ScimException.badRequest(ScimType.MUTABILITY, "Attribute '" + t.text() + "' is readOnly");
    }
    if (t.attr().mutability() == Mutability.IMMUTABLE && current(t) != null) {
      throw ScimException.badRequest(ScimType.MUTABILITY, "Attribute '" + t.text() + "' is immutable and already set");
    }
  }

  private static boolean sameValue(Object stored, Object given) {
    if (stored instanceof JsonObject s && given instanceof JsonObject g && g.containsKey("value")) {
      return g.getValue("value").equals(s.getValue("value"));
    }
    return given.equals(stored);
  }

  private static JsonArray asArray(Object value) {
    return value instanceof JsonArray a ? a : value == null ? null : new JsonArray().add(value);
  }

  private Object current(Target t) {
    JsonObject container = container(t, false);
    return container == null ? null : container.getValue(t.attr().name());
  }

  private void store(Target t, Object value) {
    AttributeDef attr = t.attr();
    boolean empty = value == null || (value instanceof JsonArray a && a.isEmpty());
    if (empty && attr.required()) {
      throw ScimException.badRequest(ScimType.MUTABILITY, "Attribute '" + t.text() + "' is required and cannot be removed");
    }
    if (!empty && attr.required() && attr.type() == AttributeType.STRING && ((String) value).isBlank()) {
      throw AttributeValues.invalid(t.text(), "a non-empty string (it is required)", value);
    }
    if (value instanceof JsonArray a && !a.isEmpty()) {
      AttributeValues.checkPrimary(attr, a, t.text());
    }
    JsonObject container = container(t, !empty);
    if (container == null) {
      return;
    }
    if (empty) {
      container.remove(attr.name());
      if (container != resource && container.isEmpty()) {
        resource.remove(t.containerKey());
      }
    } else {
      container.put(attr.name(), value);
    }
  }

  private JsonObject container(Target t, boolean create) {
    String key = t.containerKey();
    if (key == null) {
      return resource;
    }
    JsonObject ext = resource.getValue(key) instanceof JsonObject o ? o : null;
    if (ext == null && create) {
      ext = new JsonObject();
      resource.put(key, ext);
    }
    return ext;
  }
}
