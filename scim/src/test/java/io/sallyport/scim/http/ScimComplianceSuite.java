package io.sallyport.scim.http;

/**
 * The SCIM HTTP compliance suite: every endpoint and status, paging, filters, ETags, uniqueness,
 * authentication, bad input (each with the exact error shape and nothing stored) and Entra's
 * request sequences replayed verbatim. A storage implementation runs it by extending this class
 * and implementing {@link #createStorage}; the suite's cases live in its superclasses, one concern
 * each, so that each stays readable.
 */
public abstract class ScimComplianceSuite extends EntraSequences {}
