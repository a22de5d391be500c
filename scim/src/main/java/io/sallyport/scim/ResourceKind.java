package io.sallyport.scim;

/** The two resource types Sallyport serves, with their endpoint and core schema. */
public enum ResourceKind {
  USER("User", "/Users", "urn:ietf:params:scim:schemas:core:2.0:User"),
  GROUP("Group", "/Groups", "urn:ietf:params:scim:schemas:core:2.0:Group");

  public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private final String type;
  private final String endpoint;
  private final String coreSchema;

  ResourceKind(String type, String endpoint, String coreSchema) {
    this.type = type;
    this.endpoint = endpoint;
    this.coreSchema = coreSchema;
  }

  /** {@code meta.resourceType}: User or Group. */
  public String type() {
    return type;
  }

  public String endpoint() {
    return endpoint;
  }

  public String coreSchema() {
    return coreSchema;
  }
}
