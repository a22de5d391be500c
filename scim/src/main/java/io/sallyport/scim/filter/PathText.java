package io.sallyport.scim.filter;

import io.sallyport.scim.filter.FilterLexer.Token;
import io.sallyport.scim.schema.SchemaDef;
import io.sallyport.scim.schema.Schemas;
import java.util.regex.Pattern;

/**
 * Splits the text of one attribute-path word into schema URN, attribute and sub-attribute.
 * Schema URNs contain dots ("2.0"), so the URNs of the served schemas are matched first, which
 * also lets the legacy {@code urn:…:User.manager} form through; any other URN ends at its last
 * colon (RFC 7644 §3.10) and is rejected later as an unknown schema.
 */
final class PathText {

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*|\\$(?i:ref)");

  private PathText() {}

  static AttributePath parse(Token word, boolean insideValueFilter, SyntaxErrors errors) {
    String text = word.text();
    String urn = null;
    String rest = text;
    if (text.regionMatches(true, 0, "urn:", 0, 4)) {
      SchemaDef known = knownPrefix(text);
      if (known != null) {
        urn = known.id();
        if (text.length() == urn.length()) {
          throw errors.at(word.start(), "'" + SyntaxErrors.quote(text) + "' names a schema, not an attribute; expected "
              + text + ":attribute");
        }
        rest = text.substring(urn.length() + 1);
      } else {
        int colon = text.lastIndexOf(':');
        urn = text.substring(0, colon);
        rest = text.substring(colon + 1);
      }
    }
    String[] parts = rest.split("\\.", -1);
    if (parts.length > 2 || !NAME.matcher(parts[0]).matches()
        || (parts.length == 2 && !NAME.matcher(parts[1]).matches())) {
      throw errors.at(word.start(), "'" + SyntaxErrors.quote(text)
          + "' is not an attribute path; expected attribute or attribute.subAttribute, optionally after a schema URN");
    }
    if (insideValueFilter && (urn != null || parts.length == 2)) {
      throw errors.at(word.start(), "inside a value filter name one sub-attribute of the filtered attribute, such as "
          + "'type'; got '" + SyntaxErrors.quote(text) + "'");
    }
    return new AttributePath(urn, parts[0], parts.length == 2 ? parts[1] : null, null);
  }

  /** The name in ".value" right after a value filter's ']'. */
  static String subAttributeAfterBracket(Token word, SyntaxErrors errors) {
    String name = word.text().substring(1);
    if (!NAME.matcher(name).matches()) {
      throw errors.at(word.start(), "'" + SyntaxErrors.quote(word.text())
          + "' after ']' is not a sub-attribute; expected one name, as in emails[type eq \"work\"].value");
    }
    return name;
  }

  private static SchemaDef knownPrefix(String text) {
    for (SchemaDef s : Schemas.all()) {
      String id = s.id();
      if (text.regionMatches(true, 0, id, 0, id.length())
          && (text.length() == id.length() || text.charAt(id.length()) == ':' || text.charAt(id.length()) == '.')) {
        return s;
      }
    }
    return null;
  }
}
