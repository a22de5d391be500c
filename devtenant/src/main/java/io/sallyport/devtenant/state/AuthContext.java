package io.sallyport.devtenant.state;

/** A Conditional Access authentication context class reference (c1..c99). */
public record AuthContext(String id, String displayName, String description, boolean available) {}
