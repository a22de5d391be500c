package io.sallyport.scim.http;

/**
 * How the SCIM endpoint is mounted: its base path (for {@code meta.location}), the largest body it
 * reads, the largest page it returns, and the deepest JSON it accepts.
 */
public record ScimOptions(String basePath, int maxBodyBytes, int maxPageSize, int maxJsonDepth) {

  public static ScimOptions defaults() {
    return new ScimOptions("/scim/v2", 1024 * 1024, 1000, 32);
  }
}
