package io.sallyport.devtenant.state;

/** A directory role by its template id, with its PIM activation settings. */
public record RoleDefinition(String id, String displayName, ActivationPolicy policy) {}
