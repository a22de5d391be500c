package io.sallyport.gateway.pipeline.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.config.RouteConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RouteTableTest {

  static RouteConfig route(String name, String host, String prefix, String upstream, String rewrite) {
    return new RouteConfig(name, host, prefix, URI.create(upstream), rewrite, true, false, 1024,
        new RouteConfig.Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)), null, 8);
  }

  static final RouteTable TABLE = RouteTable.compile(List.of(
      route("root", null, "/", "http://u:1", null),
      route("api", null, "/api", "http://u:1", null),
      route("api-v2", null, "/api/v2/", "http://u:1", null),
      route("app", "app.example.com", "/", "http://u:1", null),
      route("app-admin", "app.example.com", "/admin", "http://u:1", null),
      route("wild", "*.example.com", "/", "http://u:1", null),
      route("wild-deep", "*.example.com", "/deep", "http://u:1", null)));

  static Stream<Arguments> matches() {
    return Stream.of(
        Arguments.of(null, "/", "root"),
        Arguments.of(null, "/x", "root"),
        Arguments.of(null, "/api", "api"),
        Arguments.of(null, "/api/", "api"),
        Arguments.of(null, "/api/x", "api"),
        Arguments.of(null, "/apix", "root"),
        Arguments.of(null, "/api/v2", "api"),
        Arguments.of(null, "/api/v2/", "api-v2"),
        Arguments.of(null, "/api/v2/x", "api-v2"),
        Arguments.of("app.example.com", "/", "app"),
        Arguments.of("app.example.com", "/admin/users", "app-admin"),
        Arguments.of("app.example.com", "/administrator", "app"),
        Arguments.of("b.example.com", "/deep/x", "wild-deep"),
        Arguments.of("b.example.com", "/x", "wild"),
        Arguments.of("a.b.example.com", "/x", "root"),
        Arguments.of("example.com", "/x", "root"),
        Arguments.of("other.org", "/api/x", "api"));
  }

  @ParameterizedTest(name = "{0}{1} -> {2}")
  @MethodSource("matches")
  void longestPrefixWithExactBeforeWildcardBeforeAnyHost(String host, String path, String expected) {
    assertThat(TABLE.match(host, path).name()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1}{2} -> {4}")
  @MethodSource("rewrites")
  void buildsTheUpstreamUri(String prefix, String upstream, String rewrite, String path, String expected) {
    Route r = Route.compile(route("r", null, prefix, upstream, rewrite));
    int q = path.indexOf('?');
    String p = q < 0 ? path : path.substring(0, q);
    String query = q < 0 ? null : path.substring(q + 1);
    assertThat(r.upstreamUri(p, query)).isEqualTo(expected);
  }

  static Stream<Arguments> rewrites() {
    return Stream.of(
        Arguments.of("/", "http://u", null, "/a?x=1", "/a?x=1"),
        Arguments.of("/", "http://u/base/", null, "/a", "/base/a"),
        Arguments.of("/api", "http://u", "/", "/api/items", "/items"),
        Arguments.of("/api", "http://u", "/", "/api", "/"),
        Arguments.of("/api", "http://u", "/v2", "/api/items", "/v2/items"),
        Arguments.of("/api", "http://u/base", "/v2", "/api", "/base/v2"),
        Arguments.of("/api/", "http://u", "/internal/", "/api/x", "/internal/x"));
  }

  @ParameterizedTest
  @MethodSource("authorities")
  void upstreamAuthorityOmitsTheDefaultPort(String upstream, String authority, int port) {
    Route r = Route.compile(route("r", null, "/", upstream, null));
    assertThat(r.upstreamAuthority().toString()).isEqualTo(authority);
    assertThat(r.server().port()).isEqualTo(port);
  }

  static Stream<Arguments> authorities() {
    return Stream.of(
        Arguments.of("http://u", "u", 80),
        Arguments.of("http://u:80", "u", 80),
        Arguments.of("https://u", "u", 443),
        Arguments.of("https://u:8443", "u:8443", 8443),
        Arguments.of("http://[::1]:9000", "[::1]:9000", 9000));
  }
}
