package io.sallyport.scim.resource;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.resource.Attr.Mutability;
import io.sallyport.scim.resource.Attr.Type;
import java.util.ArrayList;
import java.util.List;

/** Stand-in for wt-sfilter's {@code Schemas} until it lands: the core User, enterprise and Group attributes. */
public final class StandInSchemas {

  private static final String USER = ResourceKind.USER.coreSchema();
  private static final String ENT = ResourceKind.ENTERPRISE_USER;
  private static final String GROUP = ResourceKind.GROUP.coreSchema();

  private static final List<Attr> USER_ATTRS = new ArrayList<>();
  private static final List<Attr> GROUP_ATTRS = new ArrayList<>();

  static {
    for (String s : List.of("id", "externalId", "meta")) {
      boolean ro = !s.equals("externalId");
      Type t = s.equals("meta") ? Type.COMPLEX : Type.STRING;
      Attr a = new Attr(s, null, t, false, false, ro ? Mutability.READ_ONLY : Mutability.READ_WRITE, ro, List.of());
      USER_ATTRS.add(a);
      GROUP_ATTRS.add(a);
    }
    USER_ATTRS.add(new Attr("userName", USER, Type.STRING, false, true, Mutability.READ_WRITE, false, List.of()));
    USER_ATTRS.add(complex(USER, "name", false, Mutability.READ_WRITE, "formatted", "familyName", "givenName",
        "middleName", "honorificPrefix", "honorificSuffix"));
    for (String s : List.of("displayName", "nickName", "title", "userType", "preferredLanguage", "locale", "timezone")) {
      USER_ATTRS.add(str(USER, s));
    }
    USER_ATTRS.add(new Attr("profileUrl", USER, Type.REFERENCE, false, false, Mutability.READ_WRITE, false, List.of()));
    USER_ATTRS.add(new Attr("active", USER, Type.BOOLEAN, false, false, Mutability.READ_WRITE, false, List.of()));
    USER_ATTRS.add(new Attr("password", USER, Type.STRING, false, false, Mutability.WRITE_ONLY, false, List.of()));
    for (String s : List.of("emails", "phoneNumbers", "ims", "photos", "entitlements", "roles", "x509Certificates")) {
      USER_ATTRS.add(multi(USER, s, Mutability.READ_WRITE));
    }
    List<Attr> addr = new ArrayList<>(multi(USER, "addresses", Mutability.READ_WRITE).subAttributes());
    for (String s : List.of("formatted", "streetAddress", "locality", "region", "postalCode", "country")) {
      addr.add(str(USER, s));
    }
    USER_ATTRS.add(new Attr("addresses", USER, Type.COMPLEX, true, false, Mutability.READ_WRITE, false, addr));
    USER_ATTRS.add(multi(USER, "groups", Mutability.READ_ONLY));
    for (String s : List.of("employeeNumber", "costCenter", "organization", "division", "department")) {
      USER_ATTRS.add(str(ENT, s));
    }
    USER_ATTRS.add(new Attr("manager", ENT, Type.COMPLEX, false, false, Mutability.READ_WRITE, false, List.of(
        str(ENT, "value"), new Attr("$ref", ENT, Type.REFERENCE, false, false, Mutability.READ_WRITE, false, List.of()),
        new Attr("displayName", ENT, Type.STRING, false, false, Mutability.READ_ONLY, false, List.of()))));
    GROUP_ATTRS.add(new Attr("displayName", GROUP, Type.STRING, false, true, Mutability.READ_WRITE, false, List.of()));
    GROUP_ATTRS.add(complex(GROUP, "members", true, Mutability.READ_WRITE, "value", "$ref", "type", "display"));
  }

  private StandInSchemas() {}

  /** The attribute {@code name} of {@code schema}, case-insensitively; unqualified: core first, then extensions. */
  public static Attr find(ResourceKind kind, String schema, String name) {
    Attr ext = null;
    for (Attr a : kind == ResourceKind.USER ? USER_ATTRS : GROUP_ATTRS) {
      if (!a.name().equalsIgnoreCase(name)) {
        continue;
      }
      boolean isExt = ENT.equals(a.schema());
      if (schema == null ? !isExt : a.schema() == null || a.schema().equalsIgnoreCase(schema)) {
        return a;
      }
      if (schema == null) {
        ext = a;
      }
    }
    return ext;
  }

  private static Attr str(String schema, String name) {
    return new Attr(name, schema, Type.STRING, false, false, Mutability.READ_WRITE, false, List.of());
  }

  private static Attr complex(String schema, String name, boolean multi, Mutability m, String... subs) {
    List<Attr> s = new ArrayList<>();
    for (String n : subs) {
      s.add(n.equals("$ref") ? new Attr(n, schema, Type.REFERENCE, false, false, Mutability.READ_WRITE, false, List.of())
          : str(schema, n));
    }
    return new Attr(name, schema, Type.COMPLEX, multi, false, m, false, s);
  }

  private static Attr multi(String schema, String name, Mutability m) {
    List<Attr> subs = new ArrayList<>(List.of(str(schema, "value"), str(schema, "display"), str(schema, "type"),
        new Attr("primary", schema, Type.BOOLEAN, false, false, Mutability.READ_WRITE, false, List.of())));
    if (name.equals("groups")) {
      subs.add(new Attr("$ref", schema, Type.REFERENCE, false, false, Mutability.READ_ONLY, false, List.of()));
    }
    return new Attr(name, schema, Type.COMPLEX, true, false, m, false, subs);
  }
}
