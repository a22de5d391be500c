package io.sallyport.devtenant.graph.ca;

/** The permissions Microsoft documents for Conditional Access reads and writes, least privileged first. */
final class CaPermissions {

  static final String[] READ = {"Policy.Read.ConditionalAccess", "Policy.Read.All",
      "Policy.ReadWrite.ConditionalAccess"};
  static final String[] WRITE = {"Policy.ReadWrite.ConditionalAccess"};

  private CaPermissions() {}
}
