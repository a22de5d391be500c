package io.sallyport.gateway.explain;

import io.sallyport.gateway.http.Problem;

/** A request explain cannot answer, with the status and stable code it is answered with. */
final class ExplainProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  ExplainProblem(int status, String code, String title, String detail) {
    super(detail, null, false, false);
    this.problem = new Problem(status, code, title, detail);
  }

  static ExplainProblem malformed(String detail) {
    return new ExplainProblem(400, "explain.malformed", "Malformed explain request", detail);
  }

  static ExplainProblem notFound(String code, String detail) {
    return new ExplainProblem(404, code, "Not found", detail);
  }

  Problem problem() {
    return problem;
  }
}
