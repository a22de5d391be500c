package io.sallyport.scim.http;

/**
 * A dependency of the SCIM surface (the storage, the auth hook) failed: 503, the cause logged and
 * never shown to the client.
 */
final class Unavailable extends RuntimeException {

  private final String what;

  Unavailable(String what, Throwable cause) {
    super(what + " failed: " + cause, cause);
    this.what = what;
  }

  String what() {
    return what;
  }
}
