package io.sallyport.gateway.pipeline.forward;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Map;

/** Copies an upstream's response headers for the client, minus everything hop-by-hop. */
final class ResponseHeaders {

  private ResponseHeaders() {}

  static void copy(MultiMap from, MultiMap to) {
    List<String> declared = HopByHop.declaredBy(from.getAll("connection"));
    for (Map.Entry<String, String> h : from) {
      String name = h.getKey();
      if (!HopByHop.is(name) && !HopByHop.listed(declared, name)) {
        to.add(name, h.getValue());
      }
    }
  }
}
