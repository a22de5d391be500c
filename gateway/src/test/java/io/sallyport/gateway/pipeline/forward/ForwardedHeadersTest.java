package io.sallyport.gateway.pipeline.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.config.Cidr;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {

  final ForwardedHeaders untrusting = new ForwardedHeaders(List.of(), "X-Corp-Identity");
  final ForwardedHeaders trusting = new ForwardedHeaders(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("2001:db8::/32")),
      "X-Corp-Identity");

  static MultiMap spoofed() {
    return HttpHeaders.headers()
        .add("Connection", "close, X-Hop-Me")
        .add("X-Hop-Me", "1")
        .add("Upgrade", "h2c")
        .add("Transfer-Encoding", "chunked")
        .add("Content-Length", "5")
        .add("Expect", "100-continue")
        .add("X-SALLYPORT-USER", "root")
        .add("x-corp-identity", "forged")
        .add("X-Forwarded-For", "1.1.1.1")
        .add("Forwarded", "for=1.1.1.1")
        .add("X-Request-Id", "lb-7")
        .add("Accept", "text/html");
  }

  @Test
  void fromAnUntrustedPeerEverythingSpoofableIsReplaced() {
    ForwardedHeaders.Upstream up = untrusting.build(spoofed(), "10.1.2.3", false, "app.example.com", false, "fresh");
    MultiMap h = up.headers();
    assertThat(h.names()).containsExactlyInAnyOrder("Accept", "x-forwarded-for", "x-forwarded-proto",
        "x-forwarded-host", "forwarded", "x-request-id");
    assertThat(h.get("x-forwarded-for")).isEqualTo("10.1.2.3");
    assertThat(h.get("forwarded")).isEqualTo("for=10.1.2.3;proto=http;host=app.example.com");
    assertThat(up.requestId()).isEqualTo("fresh");
  }

  @Test
  void fromATrustedPeerTheChainIsExtended() {
    ForwardedHeaders.Upstream up = trusting.build(spoofed(), "10.1.2.3", true, "app.example.com:8443", false, "fresh");
    MultiMap h = up.headers();
    assertThat(h.get("x-forwarded-for")).isEqualTo("1.1.1.1, 10.1.2.3");
    assertThat(h.get("forwarded")).isEqualTo("for=1.1.1.1, for=10.1.2.3;proto=https;host=\"app.example.com:8443\"");
    assertThat(h.get("host")).as("Host is the upstream's, set by the forwarder").isNull();
    assertThat(up.requestId()).isEqualTo("lb-7");
    assertThat(h.get("x-sallyport-user")).isNull();
    assertThat(h.get("x-corp-identity")).isNull();
  }

  @Test
  void ipv6PeersAreQuotedInForwarded() {
    MultiMap h = trusting.build(HttpHeaders.headers(), "2001:db8::7", false, "", false, "id").headers();
    assertThat(h.get("forwarded")).isEqualTo("for=\"[2001:db8::7]\";proto=http");
    assertThat(h.get("x-forwarded-for")).isEqualTo("2001:db8::7");
  }

  @Test
  void anUnsafeIncomingRequestIdIsReplacedEvenFromATrustedPeer() {
    MultiMap in = HttpHeaders.headers().add("x-request-id", "bad id\"<script>");
    assertThat(trusting.build(in, "10.0.0.1", false, "h", false, "fresh").requestId()).isEqualTo("fresh");
  }

  @Test
  void anHttp2ValueWithAControlCharacterIsNotForwarded() {
    // the upstream request shares this map without checking it again: nothing unchecked may be in it
    MultiMap in = MultiMap.caseInsensitiveMultiMap().add("x-note", "a\u0000b").add("x-del", "a\u007fb")
        .add("x-tab", "a\tb").add("x-ok", "fine");
    MultiMap out = untrusting.build(in, "10.0.0.1", true, "h", true, "id").headers();
    assertThat(out.contains("x-note")).isFalse();
    assertThat(out.contains("x-del")).isFalse();
    assertThat(out.get("x-tab")).isEqualTo("a\tb");
    assertThat(out.get("x-ok")).isEqualTo("fine");
  }

  @Test
  void theAuthorizationHeaderIsLeftOutWhenAskedAndKeptOtherwise() {
    MultiMap in = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer x").add("accept", "*/*");
    assertThat(untrusting.build(in, "10.0.0.1", false, "h", false, "id", true).headers().contains("authorization"))
        .isFalse();
    assertThat(untrusting.build(in, "10.0.0.1", false, "h", false, "id", false).headers().get("authorization"))
        .isEqualTo("Bearer x");
  }

  @Test
  void http2CookieCrumbsAreJoined() {
    MultiMap in = HttpHeaders.headers().add("cookie", "a=1").add("cookie", "b=2");
    assertThat(untrusting.build(in, "10.0.0.1", true, "h", true, "id").headers().getAll("cookie"))
        .containsExactly("a=1; b=2");
  }

  @Test
  void hopByHopIsCaseInsensitive() {
    for (String n : List.of("TE", "Trailer", "UPGRADE", "connection", "Keep-Alive", "Proxy-Connection",
        "transfer-encoding", "Proxy-Authenticate", "proxy-authorization")) {
      assertThat(HopByHop.is(n)).as(n).isTrue();
    }
    for (String n : List.of("te-x", "accept", "content-type", "authorization")) {
      assertThat(HopByHop.is(n)).as(n).isFalse();
    }
  }

  @Test
  void peerAddressesAreParsedAsLiteralsOnlyNeverResolved() {
    assertThat(IpLiteral.bytes("10.1.2.3")).containsExactly(10, 1, 2, 3);
    assertThat(IpLiteral.bytes("::1")).hasSize(16);
    assertThat(IpLiteral.bytes("fe80::1%eth0")).hasSize(16);
    assertThat(IpLiteral.bytes("localhost")).isNull();
    assertThat(IpLiteral.bytes("10.0.0.1.example.com")).isNull();
    assertThat(IpLiteral.bytes("")).isNull();
  }
}
