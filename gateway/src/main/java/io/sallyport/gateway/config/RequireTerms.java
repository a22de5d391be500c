package io.sallyport.gateway.config;

import java.time.Duration;

/**
 * {@code routes[].require.terms-of-use}: an Entra terms of use agreement the caller must have
 * accepted, and not have seen expire (the agreement's re-acceptance rules honoured).
 *
 * @param agreement     the agreement id (lower case)
 * @param via           what a caller who has not accepted is offered
 * @param authContext   for {@link Via#STEP_UP}: the auth context ({@code cN}) a Conditional Access
 *                      policy binds to the agreement, so Entra's sign-in shows the terms; else null
 * @param text          for {@link Via#PAGE}: the terms shown; null to show the agreement's file from Graph
 * @param reacceptEvery for {@link Via#PAGE}: accept again this long after accepting (besides the
 *                      agreement's own rules); null for the agreement's rules only
 */
public record RequireTerms(String agreement, Via via, String authContext, String text, Duration reacceptEvery) {

  /** The way through for a caller who has not accepted. */
  public enum Via {
    /** Entra's own terms page, reached by signing in again with the agreement's auth context. */
    STEP_UP,
    /** Sallyport's terms page; the acceptance is recorded in the audit log. */
    PAGE
  }
}
