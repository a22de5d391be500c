package io.sallyport.scim.spi;

/**
 * One equality the storage can answer from an index: {@code id}, {@code externalId}, and
 * {@code userName} (users) or {@code displayName} (groups), the last two case-insensitively. The
 * protocol layer hands every other filter's candidates to its own evaluator.
 */
public record IndexedMatch(String attribute, String value) {

  public static final java.util.Set<String> USER_ATTRIBUTES = java.util.Set.of("id", "externalId", "userName");
  public static final java.util.Set<String> GROUP_ATTRIBUTES = java.util.Set.of("id", "externalId", "displayName");
}
