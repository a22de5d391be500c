package io.sallyport.devtenant.graph.odata;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/** Items in Graph's documented shapes (reference §§4–6), shared by the filter tests. */
final class ODataFixtures {
  static final String PRINCIPAL = "071cc716-8147-4397-a5ba-b2105951cc0b";
  static final String ROLE = "8424c6f0-a189-499e-bbd0-26c1753c96d4";
  static final String GROUP = "2b5ed229-4072-478d-9504-a047ebd4b07d";
  static final String PACKAGE = "9bbe5f7d-f1e7-4eb1-a586-38cdf6f8b1ea";
  static final String TARGET = "7deff43e-1f17-44ef-9e5f-d516b0ba11d4";
  static final String USER = "d4bb5206-77bf-4d5c-96b4-cf7b0ed3be98";

  static final Map<String, JsonObject> ITEMS = Map.of(
      "roleInstance", new JsonObject("{\"id\":\"8MYkhImhnkm70CbBdTyW1BbHHAdHgZdDpbqyEFlRzAs-1-e\",\"principalId\":\""
          + PRINCIPAL + "\",\"roleDefinitionId\":\"" + ROLE + "\",\"directoryScopeId\":\"/\",\"appScopeId\":null,"
          + "\"startDateTime\":\"2022-04-12T14:44:50.287Z\",\"endDateTime\":\"2024-04-10T00:00:00Z\","
          + "\"assignmentType\":\"Activated\",\"memberType\":\"Direct\"}"),
      "groupInstance", new JsonObject("{\"id\":\"" + GROUP + "_member_326a\",\"accessId\":\"member\",\"principalId\":"
          + "\"3cce9d87-3986-4f19-8335-7ed075408ca2\",\"groupId\":\"" + GROUP + "\",\"memberType\":\"Direct\"}"),
      "assignment", new JsonObject("{\"id\":\"2a353749-3749-2a35-4937-352a4937352a\",\"state\":\"delivered\","
          + "\"status\":\"Delivered\",\"expiredDateTime\":\"2019-04-25T23:45:40.42Z\",\"accessPackage\":{\"id\":\""
          + PACKAGE + "\",\"displayName\":\"Marketing\"},\"target\":{\"objectId\":\"" + TARGET + "\","
          + "\"subjectType\":\"user\"}}"),
      "package", new JsonObject("{\"@odata.type\":\"#microsoft.graph.accessPackage\",\"id\":\"c1\","
          + "\"displayName\":\"Sales TEAM access\",\"isHidden\":false,"
          + "\"createdDateTime\":\"2019-01-27T18:19:50.74Z\"}"),
      "acceptance", new JsonObject("{\"id\":\"94410bbf_" + USER + "\",\"userId\":\"" + USER + "\",\"state\":"
          + "\"accepted\",\"expirationDateTime\":\"2024-06-01T00:00:00Z\","
          + "\"userPrincipalName\":\"MeganB@Contoso.com\"}"),
      "openAcceptance", new JsonObject("{\"id\":\"x_" + USER + "\",\"userId\":\"" + USER + "\",\"state\":\"declined\","
          + "\"expirationDateTime\":null}"),
      "user", new JsonObject("{\"id\":\"u1\",\"displayName\":\"Adele Vance\",\"userPrincipalName\":\"a@b.com\","
          + "\"accountEnabled\":false,\"mail\":\"Adele@Contoso.com\",\"proxyAddresses\":[\"SMTP:adele@contoso.com\","
          + "\"x500:/o=old\"],\"identities\":[{\"signInType\":\"userPrincipalName\",\"issuer\":\"contoso.com\"},"
          + "{\"signInType\":\"federated\",\"issuer\":\"facebook.com\"}],\"businessPhones\":[]}"),
      "misc", new JsonObject("{\"id\":\"c1\",\"isAvailable\":true,\"seats\":3,\"score\":2.5,\"name\":\"O'Brien\","
          + "\"big\":12345678901234}"));

  private ODataFixtures() {}
}
