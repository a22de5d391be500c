package io.sallyport.scim.patch;

/**
 * One PATCH operation as parsed: {@code path} is null when the client sent none (add/replace on the
 * resource itself), {@code value} is null when absent or JSON null (a replace with null removes).
 */
public record PatchOperation(PatchOp op, String path, Object value) {

  public static PatchOperation add(String path, Object value) {
    return new PatchOperation(PatchOp.ADD, path, value);
  }

  public static PatchOperation replace(String path, Object value) {
    return new PatchOperation(PatchOp.REPLACE, path, value);
  }

  public static PatchOperation remove(String path) {
    return new PatchOperation(PatchOp.REMOVE, path, null);
  }
}
