package io.sallyport.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The value parsers the loader is built from: durations, sizes, did-you-mean and CIDRs. */
class ScalarsTest {

  static Stream<Arguments> durations() {
    return Stream.of(arguments("500ms", Duration.ofMillis(500)), arguments("5s", Duration.ofSeconds(5)),
        arguments("15m", Duration.ofMinutes(15)), arguments("4h", Duration.ofHours(4)),
        arguments("1d", Duration.ofDays(1)), arguments("0s", Duration.ZERO), arguments("30", null),
        arguments("5 s", null), arguments("-5s", null), arguments("1.5s", null), arguments("5S", null),
        arguments("1h30m", null), arguments("", null), arguments("s", null));
  }

  @ParameterizedTest
  @MethodSource("durations")
  void durationTable(String text, Duration expected) {
    assertThat(Scalars.duration(text)).isEqualTo(expected);
  }

  static Stream<Arguments> sizes() {
    return Stream.of(arguments("100", 100L), arguments("0", 0L), arguments("512B", 512L),
        arguments("64KiB", 65_536L), arguments("1MiB", 1_048_576L), arguments("2GiB", 2_147_483_648L),
        arguments("10KB", 10_000L), arguments("10MB", 10_000_000L), arguments("1GB", 1_000_000_000L),
        arguments("10kb", null), arguments("1.5MiB", null), arguments("-1", null), arguments("unlimited", null),
        arguments("1 MiB", null), arguments("999999999999999GiB", null), arguments("", null));
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void sizeTable(String text, Long expected) {
    assertThat(Scalars.size(text)).isEqualTo(expected);
  }

  static Stream<Arguments> suggestions() {
    return Stream.of(arguments("upstrem", "upstream"), arguments("upstreams", "upstream"),
        arguments("pubic", "public"), arguments("max-body", "max-body-size"), arguments("timeout", "timeouts"),
        arguments("zzz", null), arguments("completely-different", null));
  }

  @ParameterizedTest
  @MethodSource("suggestions")
  void didYouMeanTable(String typo, String expected) {
    assertThat(Suggestions.closest(typo, List.of("name", "match", "upstream", "rewrite-prefix", "public",
        "preserve-host", "max-body-size", "max-connections", "timeouts", "upstream-tls"))).isEqualTo(expected);
  }

  static Stream<Arguments> cidrs() {
    return Stream.of(
        arguments("10.0.0.0/8", "10.255.1.2", true), arguments("10.0.0.0/8", "11.0.0.1", false),
        arguments("192.168.1.7", "192.168.1.7", true), arguments("192.168.1.7", "192.168.1.8", false),
        arguments("172.16.0.0/12", "172.31.255.255", true), arguments("0.0.0.0/0", "8.8.8.8", true),
        arguments("2001:db8::/32", "2001:db8:ffff::1", true), arguments("2001:db8::/32", "2001:db9::1", false),
        arguments("::1", "::1", true), arguments("::1", "127.0.0.1", false),
        arguments("fd00::/64", "fd00::abcd", true));
  }

  @ParameterizedTest
  @MethodSource("cidrs")
  void cidrTable(String cidr, String address, boolean contained) throws IOException {
    assertThat(Cidr.parse(cidr).contains(InetAddress.getByName(address).getAddress())).isEqualTo(contained);
  }

  static Stream<Arguments> badCidrs() {
    return Stream.of(arguments("10.0.0.0/33", "CIDR prefix length must be 0..32: \"10.0.0.0/33\""),
        arguments("::/129", "CIDR prefix length must be 0..128: \"::/129\""),
        arguments("10.0.0.0/x", "not a CIDR prefix length: \"10.0.0.0/x\""),
        arguments("example.com", "not an IP address or CIDR: \"example.com\""),
        arguments("deadbeef", "not an IP address or CIDR: \"deadbeef\""),
        arguments("1.2.3", "not an IP address or CIDR: \"1.2.3\""),
        arguments("256.1.1.1", "not an IP address or CIDR: \"256.1.1.1\""),
        arguments("", "not an IP address or CIDR: \"\""));
  }

  @ParameterizedTest
  @MethodSource("badCidrs")
  void badCidrTable(String text, String message) {
    assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
