package io.sallyport.scim.filter;

import io.vertx.core.json.JsonObject;

/** Resources as the HTTP layer renders them, after RFC 7643 §8.2's full User representation. */
final class Fixtures {

  static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private Fixtures() {}

  static JsonObject user() {
    return new JsonObject("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "id":"2819c223-7f76-453a-919d-413861904646",
         "externalId":"bjensen-ext",
         "meta":{"resourceType":"User","created":"2011-08-01T18:29:49.793Z",
                 "lastModified":"2011-08-01T20:31:02.315Z",
                 "location":"https://sp.example/scim/v2/Users/2819c223-7f76-453a-919d-413861904646",
                 "version":"W/\\"3694e05e9dff591\\""},
         "userName":"BJensen@example.com",
         "name":{"formatted":"Ms. Barbara J Jensen, III","familyName":"Jensen","givenName":"Barbara"},
         "displayName":"Babs Jensen",
         "nickName":"",
         "title":"Tour Guide",
         "preferredLanguage":"Ελληνικά",
         "timezone":"America/Los_Angeles",
         "active":true,
         "password":"t1meMa$heen",
         "emails":[{"value":"bjensen@example.com","type":"work","primary":true},
                   {"value":"babs@jensen.org","type":"home"}],
         "phoneNumbers":[{"value":"555-555-8377","type":"work"}],
         "addresses":[{"type":"work","streetAddress":"100 Universal City Plaza","locality":"Hollywood",
                       "region":"CA","postalCode":"91608","country":"USA","primary":true}],
         "roles":[{"value":"Admin","primary":"True"}],
         "x509Certificates":[{"value":"MIIDQzCCAqy"}],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{
           "employeeNumber":"701984","department":"Tour Operations",
           "manager":{"value":"26118915-6090-4610-87e4-49d8ca9f808d","displayName":"John Smith"}}}
        """);
  }

  static JsonObject group() {
    return new JsonObject("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],
         "id":"e9e30dba-f08f-4109-8486-d5c6a331660a",
         "externalId":"ext-g1",
         "displayName":"Tour Guides",
         "meta":{"resourceType":"Group","created":"2010-01-23T04:56:22Z","lastModified":"2011-05-13T04:42:34Z"},
         "members":[{"value":"2819c223-7f76-453a-919d-413861904646","type":"User"},
                    {"value":"902c246b-6245-4190-8e05-00816be7344a","$ref":null}]}
        """);
  }
}
