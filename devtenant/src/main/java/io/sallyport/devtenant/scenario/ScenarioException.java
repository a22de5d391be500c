package io.sallyport.devtenant.scenario;

import java.util.List;

/** A scenario file that cannot be used, with every problem found (each naming its path). */
public final class ScenarioException extends RuntimeException {

  private final List<String> errors;

  public ScenarioException(String source, List<String> errors) {
    super(source + ": " + errors.size() + " problem(s): " + String.join("; ", errors));
    this.errors = List.copyOf(errors);
  }

  public List<String> errors() {
    return errors;
  }
}
