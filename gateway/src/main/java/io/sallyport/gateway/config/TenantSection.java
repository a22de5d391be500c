package io.sallyport.gateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code tenant:}: the Entra tenant; absent until identity is configured. */
final class TenantSection {
  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final String GUID_EXPECTED = "a GUID like 00000000-0000-0000-0000-000000000000";
  private static final String GRAPH_EXPECTED = "Microsoft Graph's service root without the version, an"
      + " absolute https URL such as https://graph.microsoft.com (http only for localhost)";
  private static final String AUTHORITY_EXPECTED =
      "an absolute https URL such as https://login.microsoftonline.com (http only for localhost)";
  // plain http is only tolerable when the token traffic never leaves the machine (the devtenant)
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private TenantSection() {}

  static TenantConfig read(Section root) {
    Section s = root.section("tenant", "id", "authority", "client-id", "client-secret", "ca-file", "audiences",
        "graph-url");
    if (!s.present()) {
      return null;
    }
    s.required("id", GUID_EXPECTED);
    s.required("authority", AUTHORITY_EXPECTED);
    s.required("client-id", GUID_EXPECTED);
    String expected = "a PEM file of the CA certificates that sign the authority's TLS certificate";
    java.nio.file.Path ca = s.existingFile("ca-file", expected);
    List<String> audiences = s.has("audiences") ? ScimEntraSection.audiences(s) : List.of();
    return new TenantConfig(guid(s, "id"), authority(s), guid(s, "client-id"), s.secret("client-secret"), ca,
        pem(s, ca, expected), audiences, graphUrl(s));
  }

  private static String pem(Section s, java.nio.file.Path ca, String expected) {
    if (ca == null || !java.nio.file.Files.isReadable(ca)) {
      return null; // absent, or already reported by existingFile
    }
    try {
      String text = java.nio.file.Files.readString(ca, java.nio.charset.StandardCharsets.US_ASCII);
      if (!text.contains("-----BEGIN CERTIFICATE-----")) {
        s.badValue("ca-file", expected, ca.toString());
        return null;
      }
      return text;
    } catch (java.io.IOException e) { // includes malformed (non-ASCII) content
      s.badValue("ca-file", expected, ca.toString());
      return null;
    }
  }

  private static String guid(Section s, String key) {
    String v = s.text(key, GUID_EXPECTED);
    if (v != null && !GUID.matcher(v).matches()) {
      s.badValue(key, GUID_EXPECTED, v);
      return null;
    }
    // tokens carry tid/aud in lower case; comparing later must not depend on how it was typed
    return v == null ? null : v.toLowerCase(Locale.ROOT);
  }

  /**
   * The Graph service root, without the version: the client adds {@code /v1.0}, and a configured
   * version would silently double it. Trusted with an app token, so https (http on loopback only).
   */
  private static URI graphUrl(Section s) {
    String v = s.text("graph-url", GRAPH_EXPECTED);
    if (v == null) {
      return null;
    }
    URI u = httpsUrl(v);
    String path = u == null || u.getRawPath() == null ? "" : u.getRawPath();
    if (u == null || path.matches("(?i).*/(v1\\.0|beta)/?")) {
      s.badValue("graph-url", GRAPH_EXPECTED, v);
      return null;
    }
    return path.endsWith("/") ? URI.create(v.substring(0, v.length() - 1)) : u;
  }

  private static URI httpsUrl(String v) {
    try {
      URI u = new URI(v);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
      boolean ok = !host.isEmpty() && u.getRawQuery() == null && u.getRawFragment() == null
          && u.getRawUserInfo() == null
          && (scheme.equals("https") || scheme.equals("http") && LOOPBACK.contains(host));
      return ok ? u : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static URI authority(Section s) {
    String v = s.text("authority", AUTHORITY_EXPECTED);
    if (v == null) {
      return null;
    }
    URI u = httpsUrl(v);
    if (u == null) {
      s.badValue("authority", AUTHORITY_EXPECTED, v);
    }
    return u;
  }
}
