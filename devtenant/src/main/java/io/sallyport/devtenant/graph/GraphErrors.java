package io.sallyport.devtenant.graph;

import io.sallyport.devtenant.http.GraphError;
import org.slf4j.Logger;

/** Maps anything a Graph handler throws to Graph's error body, once. */
final class GraphErrors {

  private GraphErrors() {}

  static GraphError from(Throwable t, int status, Logger log) {
    if (t instanceof GraphError g) {
      return g;
    }
    if (t instanceof io.sallyport.devtenant.graph.odata.ODataQueryException q) {
      return new GraphError(q.httpStatus(), q.code(), q.getMessage());
    }
    if (t == null && status == 413) {
      return new GraphError(413, "Request_EntityTooLarge", "The request body is too large.");
    }
    if (t == null) {
      return new GraphError(status, "BadRequest", "The request could not be processed.");
    }
    log.warn("Graph handler failed", t);
    return new GraphError(500, "InternalServerError", "An internal server error occurred.");
  }
}
