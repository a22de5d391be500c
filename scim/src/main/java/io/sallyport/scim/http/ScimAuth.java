package io.sallyport.scim.http;

import io.vertx.core.Future;

/**
 * Decides whether a bearer token may use the SCIM endpoint. The gateway implements it (configured
 * secret tokens compared in constant time, optionally Entra client-credentials tokens); the
 * protocol layer only asks, and answers 401 with the SCIM error body when the answer is no.
 */
@FunctionalInterface
public interface ScimAuth {

  /** Succeeds with true to let the request through; null token means no Authorization header. */
  Future<Boolean> allows(String bearerToken);
}
