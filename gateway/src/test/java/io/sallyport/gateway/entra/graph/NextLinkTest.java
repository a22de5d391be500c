package io.sallyport.gateway.entra.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which {@code @odata.nextLink}s the client follows with the app's token: the configured Graph origin only. */
class NextLinkTest {

  @ParameterizedTest(name = "{0} + {1} → {2}")
  @CsvSource(delimiter = '|', textBlock = """
      https://graph.microsoft.com | https://graph.microsoft.com/v1.0/users/x/transitiveMemberOf?$skiptoken=abc | true
      https://graph.microsoft.com | https://GRAPH.microsoft.com/v1.0/groups?$skiptoken=1                       | true
      https://graph.microsoft.com | HTTPS://graph.microsoft.com:443/v1.0/groups                                | true
      https://graph.microsoft.com | http://graph.microsoft.com/v1.0/groups                                     | false
      https://graph.microsoft.com | https://graph.microsoft.com:8443/v1.0/groups                               | false
      https://graph.microsoft.com | https://graph.microsoft.com.evil.example/v1.0/groups                       | false
      https://graph.microsoft.com | https://evil.example/v1.0/groups                                           | false
      https://graph.microsoft.com | https://user@graph.microsoft.com/v1.0/groups                               | false
      https://graph.microsoft.com | /v1.0/groups?$skiptoken=relative                                           | false
      https://graph.microsoft.com | //evil.example/v1.0/groups                                                 | false
      https://graph.microsoft.com | not a url                                                                  | false
      https://graph.microsoft.com | https://graph.microsoft.com/v1.0/groups#frag                               | false
      https://localhost:8443      | https://localhost:8443/v1.0/users/x/transitiveMemberOf?$skiptoken=2        | true
      https://localhost:8443      | https://127.0.0.1:8443/v1.0/groups                                         | false
      https://localhost:8443      | https://localhost:9443/v1.0/groups                                         | false
      https://proxy.example/graph | https://proxy.example/graph/v1.0/groups                                    | true
      https://proxy.example/graph | https://proxy.example/graphx/v1.0/groups                                   | false
      https://proxy.example/graph | https://proxy.example/other/v1.0/groups                                    | false
      https://proxy.example/graph | https://proxy.example/graph/../admin                                       | false
      """)
  void followsOnlyLinksOnTheGraphOrigin(String graph, String link, boolean followed) {
    assertThat(NextLink.onOrigin(URI.create(graph), link) != null).isEqualTo(followed);
  }
}
