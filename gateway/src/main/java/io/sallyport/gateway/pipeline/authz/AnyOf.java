package io.sallyport.gateway.pipeline.authz;

import java.util.List;

/** "Any one of the required values is present": the rule shared by scopes, app roles and groups. */
final class AnyOf {
  private AnyOf() {}

  static boolean matches(List<String> required, List<String> present) {
    for (String r : required) {
      if (present.contains(r)) {
        return true;
      }
    }
    return false;
  }

  static String describe(List<String> required) {
    return required.size() == 1 ? "\"" + required.get(0) + "\"" : "one of " + required;
  }
}
