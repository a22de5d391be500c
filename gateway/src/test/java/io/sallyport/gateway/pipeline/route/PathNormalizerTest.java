package io.sallyport.gateway.pipeline.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PathNormalizerTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("/", "/"),
        Arguments.of("/a/b", "/a/b"),
        Arguments.of("/a/b/", "/a/b/"),
        Arguments.of("//admin", "/admin"),
        Arguments.of("/a///b", "/a/b"),
        Arguments.of("/%61dmin", "/admin"),
        Arguments.of("/%7euser", "/~user"),
        Arguments.of("/a%2fb", "/a%2Fb"),
        Arguments.of("/a%2Fb", "/a%2Fb"),
        Arguments.of("/caf%c3%a9", "/caf%C3%A9"),
        Arguments.of("/a.b/c..d/.e", "/a.b/c..d/.e"),
        Arguments.of("/..", null),
        Arguments.of("/a/../b", null),
        Arguments.of("/a/./b", null),
        Arguments.of("/a/.", null),
        Arguments.of("/%2e%2e/b", null),
        Arguments.of("/%2E/b", null),
        Arguments.of("/.%2e/b", null),
        Arguments.of("/a\\b", null),
        Arguments.of("/a%", null),
        Arguments.of("/a%4", null),
        Arguments.of("/a%zz", null),
        Arguments.of("/a b", null),
        Arguments.of("/a\u0000b", null),
        Arguments.of("relative", null),
        Arguments.of("", null));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("cases")
  void normalizes(String in, String expected) {
    assertThat(PathNormalizer.normalize(in)).isEqualTo(expected);
  }
}
