package io.sallyport.devtenant.provisioning;

/** Why a cycle cannot start; {@code code} is the control API's stable error code. */
public final class ProvisioningException extends RuntimeException {

  private final String code;

  public ProvisioningException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
