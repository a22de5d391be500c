package io.sallyport.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sallyport.gateway.config.ListenersConfig.ManagementListener;
import io.sallyport.gateway.config.ListenersConfig.PublicListener;
import io.sallyport.gateway.config.ListenersConfig.TlsConfig;
import io.sallyport.gateway.config.RouteConfig.Timeouts;
import io.sallyport.gateway.config.RouteConfig.UpstreamTls;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {
  private static final String SECRET = "s3cr3t-Value-42";
  private static final Map<String, String> ENV = Map.of("SECRET", SECRET, "PORT", "9000", "HOST", "app.example.com");
  private static final String ROUTE = "routes:\n  - name: r\n    upstream: http://127.0.0.1:9090\n";
  private static final String GUID = "00000000-0000-0000-0000-000000000001";
  private static final String GRAPH_TENANT = "tenant: {id: " + GUID + ", authority: https://x, client-id: " + GUID
      + ", client-secret: s}\n";

  @TempDir
  static Path dir;
  static Path source;

  @BeforeAll
  static void files() throws IOException {
    source = dir.resolve("sallyport.yaml");
    Files.writeString(dir.resolve("cert.pem"), "cert");
    Files.writeString(dir.resolve("key.pem"), "key");
    Files.writeString(dir.resolve("ca.pem"), "ca");
    Files.writeString(dir.resolve("client-secret"), SECRET + "\n");
    Files.writeString(dir.resolve("empty-secret"), "\n");
  }

  static SallyportConfig parse(String yaml) {
    return ConfigLoader.parse(yaml, source, ENV);
  }

  static List<String> errorsOf(String yaml) {
    try {
      parse(yaml);
    } catch (ConfigException e) {
      return e.errors().stream().map(ConfigError::toString).toList();
    }
    throw new AssertionError("expected errors for:\n" + yaml);
  }

  @Test
  void everyKeyGivesExactRecords() {
    SallyportConfig c = parse("""
        listeners:
          public: { host: 127.0.0.1, port: 0, http2: false, max-request-line: 4KiB, max-header-size: 32KiB,
                    tls: { cert: cert.pem, key: %s } }
          management: { host: "::1", port: 9901 }
        proxy:
          trusted-proxies: [10.0.0.0/8, "::1"]
          assertion-header: X-Identity
          shutdown-grace: 10s
          reload-interval: 0s
        access-log: "off"
        tenant:
          id: %s
          authority: https://login.microsoftonline.com
          client-id: 00000000-0000-0000-0000-0000000000AB
          client-secret: file:client-secret
        store:
          kind: postgres
          url: jdbc:postgresql://127.0.0.1:5432/sallyport
          username: sp
          password: ${SECRET}
          pool-size: 4
        routes:
          - name: billing-admin
            match: { host: Billing.Example.COM, path-prefix: /admin }
            upstream: https://10.0.0.5:3000/base
            rewrite-prefix: /
            public: true
            preserve-host: true
            max-body-size: unlimited
            max-connections: 10
            timeouts: { connect: 500ms, idle: 15m, request: 4h }
            upstream-tls: { ca-file: ca.pem, verify-hostname: false }
        """.formatted(dir.resolve("key.pem"), GUID));
    assertThat(c).isEqualTo(new SallyportConfig(source,
        new ListenersConfig(
            new PublicListener("127.0.0.1", 0, new TlsConfig(dir.resolve("cert.pem"), dir.resolve("key.pem")),
                false, 4096, 32768),
            new ManagementListener("::1", 9901)),
        new ProxyConfig(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("::1")), "X-Identity",
            Duration.ofSeconds(10), Duration.ZERO),
        new AccessLogConfig("off"),
        new TenantConfig(GUID, URI.create("https://login.microsoftonline.com"),
            "00000000-0000-0000-0000-0000000000ab", SECRET),
        new StoreConfig(StoreConfig.Kind.POSTGRES, null, "jdbc:postgresql://127.0.0.1:5432/sallyport", "sp",
            SECRET, 4),
        List.of(new RouteConfig("billing-admin", "billing.example.com", "/admin",
            URI.create("https://10.0.0.5:3000/base"), "/", true, true, -1,
            new Timeouts(Duration.ofMillis(500), Duration.ofMinutes(15), Duration.ofHours(4)),
            new UpstreamTls(dir.resolve("ca.pem"), false), 10))));
  }

  @Test
  void defaults() {
    SallyportConfig c = parse(ROUTE);
    assertThat(c.listeners()).isEqualTo(new ListenersConfig(
        new PublicListener("0.0.0.0", 8080, null, true, 8192, 16384), new ManagementListener("127.0.0.1", 8081)));
    assertThat(c.proxy()).isEqualTo(
        new ProxyConfig(List.of(), "X-Sallyport-Assertion", Duration.ofSeconds(30), Duration.ofSeconds(2)));
    assertThat(c.accessLog()).isEqualTo(new AccessLogConfig("stdout"));
    assertThat(c.tenant()).isNull();
    assertThat(c.store()).isEqualTo(new StoreConfig(StoreConfig.Kind.H2, dir.resolve("data"), null, null, null, 8));
    assertThat(c.routes()).containsExactly(new RouteConfig("r", null, "/", URI.create("http://127.0.0.1:9090"),
        null, false, false, 100L << 20, new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60),
        Duration.ofSeconds(60)), null, 512));
  }

  static Stream<Arguments> singleErrors() {
    return Stream.of(
        arguments("listeners: {public: {port: abc}}\n" + ROUTE,
            "listeners.public.port: expected an integer 1..65535 (0 for any free port), got \"abc\""),
        arguments("listeners: {public: {port: 70000}}\n" + ROUTE,
            "listeners.public.port: expected an integer 1..65535 (0 for any free port), got \"70000\""),
        arguments("listeners: {public: {port: [1]}}\n" + ROUTE,
            "listeners.public.port: expected an integer 1..65535 (0 for any free port), got a list"),
        arguments("listeners: {public: {http2: yes}}\n" + ROUTE,
            "listeners.public.http2: expected true or false, got \"yes\""),
        arguments("listeners: {public: {max-request-line: 100KiB}}\n" + ROUTE,
            "listeners.public.max-request-line: expected a size like 100, 64KiB, 1MiB or 10MB, "
                + "between 1KiB and 64KiB, got \"100KiB\""),
        arguments("listeners: {public: {max-header-size: unlimited}}\n" + ROUTE,
            "listeners.public.max-header-size: expected a size like 100, 64KiB, 1MiB or 10MB, "
                + "between 1KiB and 256KiB, got \"unlimited\""),
        arguments("listeners: {public: {host: \"http://x\"}}\n" + ROUTE,
            "listeners.public.host: expected a bind address such as 0.0.0.0, 127.0.0.1 or ::, got \"http://x\""),
        arguments("listeners: {management: {port: 8080}}\n" + ROUTE,
            "listeners.management.port: must differ from listeners.public.port (both are 8080); "
                + "expected another port, or 0 for any free port"),
        arguments("listeners: {public: {tls: {cert: cert.pem}}}\n" + ROUTE,
            "listeners.public.tls.key: required; expected a PEM private key file"),
        arguments("listeners: {public: {tls: {cert: nope.pem, key: key.pem}}}\n" + ROUTE,
            "listeners.public.tls.cert: file does not exist: \"" + dir.resolve("nope.pem")
                + "\"; expected a readable PEM certificate chain file"),
        arguments("listeners: [8080]\n" + ROUTE,
            "listeners: expected a mapping with keys public, management, got a list"),
        arguments("proxy: {shutdown-grace: 30}\n" + ROUTE,
            "proxy.shutdown-grace: expected a duration with a unit, like 500ms, 5s, 15m, 4h or 1d, got \"30\""),
        arguments("proxy: {trusted-proxies: [10.0.0.0/8, nope]}\n" + ROUTE,
            "proxy.trusted-proxies[1]: not an IP address or CIDR: \"nope\""),
        arguments("proxy: {trusted-proxies: 10.0.0.0/8}\n" + ROUTE,
            "proxy.trusted-proxies: expected a list of IPv4/IPv6 addresses or CIDRs, like "
                + "[10.0.0.0/8, \"::1\"], got \"10.0.0.0/8\""),
        arguments("proxy: {assertion-header: Connection}\n" + ROUTE,
            "proxy.assertion-header: expected a header that is not hop-by-hop, Host or Content-Length, "
                + "got \"Connection\""),
        arguments("proxy: {assertion-header: \"X Bad\"}\n" + ROUTE,
            "proxy.assertion-header: expected a header name (letters, digits and -), got \"X Bad\""),
        arguments("access-log: {file: x}\n" + ROUTE,
            "access-log: expected \"off\", \"stdout\" or a file path, got a mapping"),
        arguments("tenant: {id: " + GUID + ", authority: http://login.example.com, client-id: " + GUID + "}\n"
            + ROUTE, "tenant.authority: expected an absolute https URL such as https://login.microsoftonline.com"
                + " (http only for localhost), got \"http://login.example.com\""),
        arguments("tenant: {id: " + GUID + ", authority: https://x, client-id: " + GUID
            + ", client-secret: \"${NOPE}\"}\n" + ROUTE,
            "tenant.client-secret: environment variable NOPE is not set; set it, or give a default as in "
                + "${NOPE:-value}"),
        arguments("tenant: {id: " + GUID + ", authority: https://x, client-id: " + GUID
            + ", client-secret: file:missing}\n" + ROUTE,
            "tenant.client-secret: secret file \"" + dir.resolve("missing") + "\" does not exist"),
        arguments("tenant: {id: " + GUID + ", authority: https://x, client-id: " + GUID
            + ", client-secret: file:empty-secret}\n" + ROUTE,
            "tenant.client-secret: secret file \"" + dir.resolve("empty-secret") + "\" is empty"),
        arguments("tenant: {id: " + GUID + ", authority: https://x, client-id: " + GUID
            + ", graph-url: \"https://graph.microsoft.com/v1.0\"}\n" + ROUTE,
            "tenant.graph-url: expected Microsoft Graph's service root without the version, an absolute https URL"
                + " such as https://graph.microsoft.com (http only for localhost), got \"https://graph.microsoft.com/v1.0\""),
        arguments("tenant: {id: " + GUID + ", authority: https://x, client-id: " + GUID
            + ", graph-url: \"http://graph.example.com\"}\n" + ROUTE,
            "tenant.graph-url: expected Microsoft Graph's service root without the version, an absolute https URL"
                + " such as https://graph.microsoft.com (http only for localhost), got \"http://graph.example.com\""),
        arguments("graph: {call-timeout: 2s}\n" + ROUTE,
            "graph: needs tenant.client-secret (Sallyport calls Microsoft Graph with an app-only token); add it,"
                + " or remove the graph section"),
        arguments(GRAPH_TENANT + "graph: {check-timeout: 0s}\n" + ROUTE,
            "graph.check-timeout: expected a duration with a unit, like 500ms, 5s, 15m, 4h or 1d (more than zero),"
                + " got \"0s\""),
        arguments(GRAPH_TENANT + "graph: {groups-ttl: 1m, refresh-ahead: 2m}\n" + ROUTE,
            "graph.refresh-ahead: expected a duration shorter than groups-ttl (\"60s\"), got \"120s\""),
        arguments(GRAPH_TENANT + "graph: {max-retries: 11}\n" + ROUTE,
            "graph.max-retries: expected a number of retries from 0 to 10, got \"11\""),
        arguments(GRAPH_TENANT + "graph: {stale-if-eror: 1m}\n" + ROUTE,
            "graph.stale-if-eror: unknown key; did you mean \"stale-if-error\"?"),
        arguments("store: {path: ./x}\n" + ROUTE, "store.kind: required; expected h2 or postgres"),
        arguments("store: {kind: mysql}\n" + ROUTE, "store.kind: expected h2 or postgres, got \"mysql\""),
        arguments("store: {kind: postgres}\n" + ROUTE,
            "store.url: required; expected a URL starting with jdbc:postgresql://"),
        arguments("store: {kind: postgres, url: \"jdbc:mysql://x\"}\n" + ROUTE,
            "store.url: expected a URL starting with jdbc:postgresql://, got \"jdbc:mysql://x\""),
        arguments("store: {kind: h2, url: \"jdbc:postgresql://x/y\"}\n" + ROUTE, "store.url: not allowed when kind is h2"),
        arguments("store: {kind: postgres, url: \"jdbc:postgresql://x/y\", path: d}\n" + ROUTE,
            "store.path: not allowed when kind is postgres"),
        arguments("store: {kind: h2, pool-size: 0}\n" + ROUTE, "store.pool-size: expected an integer 1..64, got \"0\""),
        arguments("access-log: stdout", "routes: required; expected a list of at least one route"),
        arguments("listeners: {}", "routes: required; expected a list of at least one route"),
        arguments("routes: []", "routes: expected a list of at least one route, got an empty list"),
        arguments("routes: nope", "routes: expected a list of at least one route, got \"nope\""),
        arguments("routes:\n  - name: r\n    upstream: htp:/x\n",
            "routes[0].upstream: not an absolute http(s) URL: \"htp:/x\""),
        arguments("routes:\n  - name: r\n    upstream: http:///path\n",
            "routes[0].upstream: not an absolute http(s) URL: \"http:///path\""),
        arguments("routes:\n  - name: r\n    upstream: http://x/?a=1\n",
            "routes[0].upstream: must not have a query or fragment: \"http://x/?a=1\"; "
                + "expected scheme, host, optional port and optional path"),
        arguments("routes:\n  - name: r\n", "routes[0].upstream: required; expected an absolute http(s) URL such as "
            + "http://10.0.0.5:3000"),
        arguments("routes:\n  - name: Bad_Name\n    upstream: http://x\n",
            "routes[0].name: expected a name matching ^[a-z0-9][a-z0-9-]{0,62}$, got \"Bad_Name\""),
        arguments("routes:\n  - name: r\n    upstream: http://x\n    match: {host: \"x.com:443\"}\n",
            "routes[0].match.host: expected a host name like \"app.example.com\" or \"*.example.com\" "
                + "(no scheme, no port), got \"x.com:443\""),
        arguments("routes:\n  - name: r\n    upstream: http://x\n    match: {path-prefix: api}\n",
            "routes[0].match.path-prefix: expected a path starting with \"/\" without \"?\", \"#\" or whitespace, "
                + "got \"api\""),
        arguments("routes:\n  - name: r\n    upstream: http://x\n    max-connections: 0\n",
            "routes[0].max-connections: expected an integer 1..10000, got \"0\""),
        arguments("routes:\n  - name: r\n    upstream: http://x\n    timeouts: {connect: 0s}\n",
            "routes[0].timeouts.connect: expected a duration with a unit, like 500ms, 5s, 15m, 4h or 1d "
                + "(more than zero), got \"0s\""),
        arguments("routes:\n  - name: r\n    upstream: http://x\n    upstream-tls: {verify-hostname: true}\n",
            "routes[0].upstream-tls: only allowed for an https upstream, but upstream is \"http://x\""),
        arguments("routes:\n  - name: r\n    upstream: https://x\n    upstream-tls: {ca-file: none.pem}\n",
            "routes[0].upstream-tls.ca-file: file does not exist: \"" + dir.resolve("none.pem")
                + "\"; expected a readable PEM CA bundle"),
        arguments(ROUTE + "    max-body: 1MiB\n", "routes[0].max-body: unknown key; did you mean \"max-body-size\"?"),
        arguments(ROUTE + "wibble: 1\n",
            "wibble: unknown key; expected one of: listeners, proxy, access-log, tenant, store, routes, scim, audit, sessions,"
            + " graph, assertion"),
        arguments(ROUTE + "    match: {host: \"${NOPE:-}\"}\n", null),
        arguments(ROUTE + "    rewrite-prefix: ${1BAD}\n", "routes[0].rewrite-prefix: malformed reference "
            + "\"${1BAD}\"; expected ${NAME} or ${NAME:-default} (write $${ for a literal ${)"),
        arguments("- a\n- b\n", "<config>: expected a mapping at the top level (listeners, routes, ...), got a list"),
        arguments("", "<config>: file is empty; expected a mapping with at least \"routes\""),
        arguments("# just a comment\n", "<config>: file is empty; expected a mapping with at least \"routes\""),
        arguments("routes:\n  - name: r\n    upstream: http://x\nroutes: []\n",
            "routes: duplicate key (first at line 1, again at line 4)"));
  }

  @ParameterizedTest
  @MethodSource("singleErrors")
  void eachMistakeGivesOnePreciseError(String yaml, String expected) {
    if (expected == null) { // a case that must be accepted
      parse(yaml);
      return;
    }
    assertThat(errorsOf(yaml)).containsExactly(expected.replace("<config>", source.toString()));
  }

  @Test
  void manyErrorsAreReportedTogether() {
    String yaml = """
        listeners:
          public: { port: abc, http2: maybe }
        proxy:
          reload-interval: 2
        store: { kind: h2, pool-size: 99 }
        routes:
          - name: a
            upstrem: http://x
          - name: a
            upstream: "htp:/x"
          - name: c
            upstream: http://x
        """;
    assertThat(errorsOf(yaml)).containsExactly(
        "listeners.public.port: expected an integer 1..65535 (0 for any free port), got \"abc\"",
        "listeners.public.http2: expected true or false, got \"maybe\"",
        "proxy.reload-interval: expected a duration with a unit, like 500ms, 5s, 15m, 4h or 1d, got \"2\"",
        "store.pool-size: expected an integer 1..64, got \"99\"",
        "routes[0].upstrem: unknown key; did you mean \"upstream\"?",
        "routes[0].upstream: required; expected an absolute http(s) URL such as http://10.0.0.5:3000",
        "routes[1].upstream: not an absolute http(s) URL: \"htp:/x\"",
        "routes[1].name: duplicate name \"a\"; already used by routes[0]",
        "routes[1].match: same host and path-prefix as routes[0] (host any, path-prefix \"/\"); "
            + "expected each (host, path-prefix) pair once",
        "routes[2].match: same host and path-prefix as routes[0] (host any, path-prefix \"/\"); "
            + "expected each (host, path-prefix) pair once");
  }

  @Test
  void exceptionMessageListsEveryErrorOnItsOwnLineWithoutStackTrace() {
    assertThatThrownBy(() -> parse("routes:\n  - name: r\n    upstream: x\n    public: 1\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("routes[0].upstream: not an absolute http(s) URL: \"x\"\n"
            + "routes[0].public: expected true or false, got \"1\"")
        .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
  }

  @Test
  void duplicateMatchNamesBothIndexesEvenWithDifferentSpelling() {
    assertThat(errorsOf("""
        routes:
          - { name: a, upstream: "http://x", match: { host: A.example.com, path-prefix: /p } }
          - { name: b, upstream: "http://x", match: { host: a.example.com, path-prefix: /q } }
          - { name: c, upstream: "http://x", match: { host: a.EXAMPLE.com, path-prefix: /p } }
        """)).containsExactly("routes[2].match: same host and path-prefix as routes[0] (host \"a.example.com\", "
            + "path-prefix \"/p\"); expected each (host, path-prefix) pair once");
  }

  @Test
  void envReferencesWorkInEveryStringWholeOrEmbeddedWithDefaults() {
    SallyportConfig c = parse("""
        listeners: { public: { port: "${PORT}" } }
        proxy: { assertion-header: "X-${UNSET_H:-Who}" }
        routes:
          - name: r
            match: { host: "${HOST}" }
            upstream: "http://${HOST}:${UPORT:-81}/a"
            rewrite-prefix: "/x$${b}"
        """);
    assertThat(c.listeners().publicListener().port()).isEqualTo(9000);
    assertThat(c.proxy().assertionHeader()).isEqualTo("X-Who");
    assertThat(c.routes().get(0).host()).isEqualTo("app.example.com");
    assertThat(c.routes().get(0).upstream()).isEqualTo(URI.create("http://app.example.com:81/a"));
    assertThat(c.routes().get(0).rewritePrefix()).isEqualTo("/x${b}"); // $${ escapes a literal ${
  }

  @Test
  void fileReferencesReadSecretsRelativeOrAbsoluteWithoutTrailingNewline() {
    String tenant = "tenant: { id: " + GUID + ", authority: \"https://x\", client-id: " + GUID
        + ", client-secret: \"%s\" }\n";
    assertThat(parse(tenant.formatted("file:client-secret") + ROUTE).tenant().clientSecret()).isEqualTo(SECRET);
    assertThat(parse(tenant.formatted("file:" + dir.resolve("client-secret")) + ROUTE).tenant().clientSecret())
        .isEqualTo(SECRET);
    assertThat(parse(tenant.formatted("${SECRET}") + ROUTE).tenant().clientSecret()).isEqualTo(SECRET);
    // file: is only for secrets; elsewhere it is an ordinary string
    assertThat(parse(ROUTE + "    rewrite-prefix: /file:x\n").routes().get(0).rewritePrefix()).isEqualTo("/file:x");
  }

  @Test
  void secretsNeverAppearInErrorsOrToString() {
    String yaml = """
        tenant: { id: bad, authority: "https://x", client-id: %s, client-secret: "file:client-secret" }
        store: { kind: postgres, url: "jdbc:postgresql://h/db", password: "${SECRET}", pool-size: 0 }
        routes: []
        """.formatted(GUID);
    assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).contains("tenant.id"));
    SallyportConfig c = parse(yaml.replace("id: bad", "id: " + GUID).replace("pool-size: 0", "pool-size: 1")
        .replace("routes: []", ROUTE));
    assertThat(c.tenant().clientSecret()).isEqualTo(SECRET);
    assertThat(c.store().password()).isEqualTo(SECRET);
    assertThat(c.tenant().toString()).doesNotContain(SECRET);
    assertThat(c.store().toString()).doesNotContain(SECRET);
    assertThat(c.toString()).doesNotContain(SECRET);
  }

  @Test
  void yamlSyntaxErrorIsOneErrorWithLineAndColumn() {
    assertThat(errorsOf("routes:\n  - name: r\n    upstream: [http://x\n")).containsExactly(
        source + ": YAML syntax error at line 4, column 1: expected ',' or ']', but got <stream end>");
    assertThat(errorsOf("routes:\n  - name: r\n   bad: : x\n")).singleElement().asString()
        .startsWith(source + ": YAML syntax error at line 3, column ");
  }

  @Test
  void aliasBombsAreRefused() {
    StringBuilder many = new StringBuilder("a: &a [x, x]\n");
    String prev = "a";
    for (int level = 0; level < 9; level++) { // 81 aliases: over the limit
      String name = "l" + level;
      many.append(name).append(": &").append(name).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, "*" + prev))).append("]\n");
      prev = name;
    }
    assertThat(errorsOf(many.toString())).containsExactly(
        source + ": more than 50 aliases to collections; refusing a possible alias bomb");
    StringBuilder few = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    prev = "a";
    for (int level = 0; level < 5; level++) { // 50 aliases, but 10^6 values once expanded
      String name = "l" + level;
      few.append(name).append(": &").append(name).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(10, "*" + prev))).append("]\n");
      prev = name;
    }
    assertThat(errorsOf(few.toString())).containsExactly(
        source + ": document expands to more than 20000 values (aliases?); refusing it");
  }

  @Test
  void aFewAliasesForSharedSettingsAreFine() {
    SallyportConfig c = parse("""
        routes:
          - { name: a, upstream: "http://x", match: { path-prefix: /a }, timeouts: &t { connect: 1s } }
          - { name: b, upstream: "http://x", match: { path-prefix: /b }, timeouts: *t }
        """);
    assertThat(c.routes().get(1).timeouts().connect()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void loadReportsUnreadableFilesPrecisely() throws IOException {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> ConfigLoader.load(missing, ENV)).isInstanceOf(ConfigException.class)
        .hasMessage(missing + ": file does not exist");
    assertThatThrownBy(() -> ConfigLoader.load(dir, ENV)).hasMessage(dir + ": is a directory; expected a YAML file");
    Path sub = Files.createDirectories(dir.resolve("sub"));
    Path file = Files.writeString(sub.resolve("s.yaml"), "store: { kind: h2, path: state }\n" + ROUTE);
    SallyportConfig c = ConfigLoader.load(file, Map.of());
    assertThat(c.source()).isEqualTo(file);
    assertThat(c.store().path()).isEqualTo(sub.resolve("state"));
  }

  @Test
  void plainScalarsStayTextSoYaml11BooleansDoNotBite() {
    assertThat(parse("access-log: off\n" + ROUTE).accessLog()).isEqualTo(new AccessLogConfig("off"));
    assertThat(parse("access-log: off\n" + ROUTE).accessLog().enabled()).isFalse();
    assertThat(parse("access-log: logs/access.log\n" + ROUTE).accessLog().target())
        .isEqualTo(dir.resolve("logs/access.log").toString());
    assertThat(parse(ROUTE.replace("name: r", "name: \"0755\"")).routes().get(0).name()).isEqualTo("0755");
  }

  @Test
  void unlimitedBodySizeOnlyOnRoutes() {
    assertThat(parse(ROUTE + "    max-body-size: unlimited\n").routes().get(0).maxBodySize()).isEqualTo(-1);
    assertThat(parse(ROUTE + "    max-body-size: 1MB\n").routes().get(0).maxBodySize()).isEqualTo(1_000_000);
  }

  @Test
  void graphDefaultsAndSettings() {
    SallyportConfig none = parse(GRAPH_TENANT + ROUTE);
    assertThat(none.tenant().graphUrl()).hasToString("https://graph.microsoft.com");
    assertThat(none.graph()).isEqualTo(GraphConfig.defaults());
    SallyportConfig set = parse("tenant: {id: " + GUID + ", authority: https://x, client-id: " + GUID
        + ", client-secret: s, graph-url: \"https://localhost:8443/\"}\n"
        + "graph: {call-timeout: 500ms, check-timeout: 1s, groups-ttl: 30s, stale-if-error: 10m, max-retries: 0}\n"
        + ROUTE);
    assertThat(set.tenant().graphUrl()).hasToString("https://localhost:8443");
    assertThat(set.graph()).isEqualTo(new GraphConfig(java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(1),
        java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(6), java.time.Duration.ofMinutes(10), 0));
    assertThat(set.tenant().toString()).doesNotContain("client-secret: s").contains("clientSecret=***");
  }
}
