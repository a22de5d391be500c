package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.http.EntraError;

/**
 * A refused authorize request. Until the redirect URI is known to be registered, Entra shows the
 * error on its own page and never redirects ({@code redirectUri} null); after that, errors go back
 * to the client as {@code error}, {@code error_description}, {@code state}.
 */
final class AuthorizeFailure extends RuntimeException {

  private final EntraError error;
  private final String redirectUri;
  private final String responseMode;
  private final String state;

  private AuthorizeFailure(EntraError error, String redirectUri, String responseMode, String state) {
    super(error.getMessage());
    this.error = error;
    this.redirectUri = redirectUri;
    this.responseMode = responseMode;
    this.state = state;
  }

  static AuthorizeFailure page(EntraError error) {
    return new AuthorizeFailure(error, null, null, null);
  }

  static AuthorizeFailure redirect(AuthorizeRequest request, EntraError error) {
    return new AuthorizeFailure(error, request.redirectUri(), request.responseMode(), request.state());
  }

  static AuthorizeFailure redirect(String redirectUri, String responseMode, String state, EntraError error) {
    return new AuthorizeFailure(error, redirectUri, responseMode, state);
  }

  EntraError error() {
    return error;
  }

  String redirectUri() {
    return redirectUri;
  }

  String responseMode() {
    return responseMode;
  }

  String state() {
    return state;
  }
}
