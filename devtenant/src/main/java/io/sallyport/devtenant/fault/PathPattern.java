package io.sallyport.devtenant.fault;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which request paths a fault applies to: a glob ({@code /v1.0/roleManagement/**}: {@code **} spans
 * segments, {@code *} and {@code ?} stay inside one) that must match the whole path, or a Java regex
 * after {@code re:} that is searched in the path (anchor it with {@code ^...$} to match it whole).
 */
public record PathPattern(String source, Pattern regex) {

  public static PathPattern parse(String source) {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("\"path\" is required: a glob such as /v1.0/users/** or a regex prefixed re:");
    }
    if (source.startsWith("re:")) {
      try {
        return new PathPattern(source, Pattern.compile(source.substring(3)));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("\"path\" is not a valid regex: \"" + source.substring(3) + "\" ("
            + e.getDescription() + " near index " + e.getIndex() + ")");
      }
    }
    if (!source.startsWith("/")) {
      throw new IllegalArgumentException("\"path\" must start with / (a glob) or re: (a regex), got \"" + source + "\"");
    }
    return new PathPattern(source, Pattern.compile(globToRegex(source)));
  }

  public boolean matches(String path) {
    return source.startsWith("re:") ? regex.matcher(path).find() : regex.matcher(path).matches();
  }

  static String globToRegex(String glob) {
    // "/**" at the end also matches the bare prefix: /v1.0/users/** covers /v1.0/users.
    if (glob.endsWith("/**")) {
      return globToRegex(glob.substring(0, glob.length() - 3)) + "(?:/.*)?";
    }
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        i++;
        re.append(".*");
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }
}
