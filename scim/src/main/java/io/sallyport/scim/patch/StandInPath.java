package io.sallyport.scim.patch;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stand-in for wt-sfilter's AttributePath until it lands: {@code [urn:]attr[filter][.sub]} with a
 * filter of {@code a eq v} terms joined by {@code and}.
 */
record StandInPath(String schema, String attribute, Map<String, Object> equalities, String sub) {

  private static final Pattern PATH = Pattern.compile("([A-Za-z$][\\w$-]*)(?:\\[(.*)])?(?:\\.([A-Za-z$][\\w$-]*))?");
  private static final Pattern TERM = Pattern.compile("\\s*([A-Za-z$][\\w$-]*)\\s+eq\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|true|false|-?\\d+)\\s*",
      Pattern.CASE_INSENSITIVE);

  static StandInPath parse(String text) {
    String schema = null;
    String rest = text;
    for (String urn : new String[] {ResourceKind.ENTERPRISE_USER, ResourceKind.USER.coreSchema(), ResourceKind.GROUP.coreSchema()}) {
      if (text.regionMatches(true, 0, urn, 0, urn.length()) && text.length() > urn.length()
          && (text.charAt(urn.length()) == ':' || text.charAt(urn.length()) == '.')) {
        schema = urn;
        rest = text.substring(urn.length() + 1);
      }
    }
    Matcher m = PATH.matcher(rest);
    if (!m.matches()) {
      throw ScimException.badRequest(ScimType.INVALID_PATH, "Path \"" + text + "\" is not an attribute path");
    }
    Map<String, Object> eq = null;
    if (m.group(2) != null) {
      eq = new LinkedHashMap<>();
      for (String term : m.group(2).split("(?i)\\s+and\\s+")) {
        Matcher t = TERM.matcher(term);
        if (!t.matches()) {
          throw ScimException.badRequest(ScimType.INVALID_FILTER, "Filter \"" + m.group(2) + "\" is not supported");
        }
        String v = t.group(2);
        eq.put(t.group(1), v.startsWith("\"") ? new JsonObject("{\"v\":" + v + "}").getString("v")
            : v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? Boolean.valueOf(v.toLowerCase()) : Long.valueOf(v));
      }
    }
    return new StandInPath(schema, m.group(1), eq, m.group(3));
  }
}
