package io.sallyport.gateway.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Minimal option parsing: {@code --name value} pairs and positional arguments, strictly checked. */
record Args(Map<String, String> options, List<String> positional) {

  static Args parse(String[] args, Set<String> known) {
    return parse(args, known, Set.of());
  }

  /** @param flags options that take no value; present means "true" */
  static Args parse(String[] args, Set<String> known, Set<String> flags) {
    Map<String, String> options = new HashMap<>();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--")) {
        String name = a.substring(2);
        String value = null;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        }
        if (flags.contains(name)) {
          if (value != null) {
            throw new IllegalArgumentException("option --" + name + " takes no value");
          }
          options.put(name, "true");
          continue;
        }
        if (!known.contains(name)) {
          throw new IllegalArgumentException("unknown option --" + name + "; expected one of "
              + java.util.stream.Stream.concat(known.stream(), flags.stream()).map(k -> "--" + k).sorted().toList());
        }
        if (value == null) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("option --" + name + " needs a value");
          }
          value = args[++i];
        }
        options.put(name, value);
      } else {
        positional.add(a);
      }
    }
    return new Args(options, positional);
  }

  int intOption(String name, int fallback) {
    String v = options.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < 0 || n > 65535) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option --" + name + ": expected a port 0..65535, got \"" + v + "\"");
    }
  }
}
