package io.sallyport.devtenant.state;

/** PIM-for-Groups activation settings for one group and access (member or owner). */
public record GroupPolicy(String groupId, String accessId, ActivationPolicy policy) {

  public String key() {
    return groupId + "_" + accessId;
  }
}
