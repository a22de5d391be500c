package io.sallyport.gateway.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Turns YAML text into a {@link Node} tree. Only SnakeYAML's composer runs (no object
 * construction), so plain scalars stay text: "off" is not false, "0755" not octal, and the
 * sections decide what each value means.
 */
final class YamlReader {
  static final int MAX_ALIASES = 50;
  // aliases are expanded here; the cap keeps a document within 50 aliases from still exploding
  static final int MAX_NODES = 20_000;

  private final Map<String, String> env;
  private final Errors errors;
  private int nodes;

  private YamlReader(Map<String, String> env, Errors errors) {
    this.env = env;
    this.errors = errors;
  }

  /** The root node, or null after reporting why there is none. */
  static Node read(String yaml, String fileLabel, Map<String, String> env, Errors errors) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(64);
    options.setCodePointLimit(4 * 1024 * 1024);
    DumperOptions dumper = new DumperOptions();
    Yaml parser = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
    org.yaml.snakeyaml.nodes.Node root;
    try {
      root = parser.compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      // problem and position only: the snippet SnakeYAML would add could show a secret
      Mark m = e.getProblemMark();
      String where = m == null ? "" : " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
      errors.add(fileLabel, "YAML syntax error" + where + ": " + e.getProblem());
      return null;
    } catch (YAMLException e) {
      String msg = String.valueOf(e.getMessage());
      errors.add(fileLabel, msg.contains("aliases")
          ? "more than " + MAX_ALIASES + " aliases to collections; refusing a possible alias bomb"
          : "YAML error: " + msg);
      return null;
    }
    if (root == null || root instanceof ScalarNode s && isNull(s)) {
      errors.add(fileLabel, "file is empty; expected a mapping with at least \"routes\"");
      return null;
    }
    YamlReader reader = new YamlReader(env, errors);
    try {
      return reader.convert(root, "");
    } catch (TooLarge e) {
      errors.add(fileLabel, "document expands to more than " + MAX_NODES + " values (aliases?); refusing it");
      return null;
    }
  }

  private Node convert(org.yaml.snakeyaml.nodes.Node n, String path) {
    if (++nodes > MAX_NODES) {
      throw new TooLarge();
    }
    int line = n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    if (n instanceof MappingNode map) {
      Map<String, Node> out = new LinkedHashMap<>();
      Map<String, Integer> lines = new LinkedHashMap<>();
      for (NodeTuple t : map.getValue()) {
        int keyLine = t.getKeyNode().getStartMark().getLine() + 1;
        if (!(t.getKeyNode() instanceof ScalarNode k)) {
          errors.add(path.isEmpty() ? "(root)" : path, "keys must be plain strings (line " + keyLine + ")");
          continue;
        }
        String childPath = Node.child(path, k.getValue());
        if (lines.containsKey(k.getValue())) {
          errors.add(childPath, "duplicate key (first at line " + lines.get(k.getValue())
              + ", again at line " + keyLine + ")");
          continue;
        }
        lines.put(k.getValue(), keyLine);
        out.put(k.getValue(), convert(t.getValueNode(), childPath));
      }
      return new Node(path, out, line);
    }
    if (n instanceof SequenceNode seq) {
      List<Node> out = new ArrayList<>();
      for (org.yaml.snakeyaml.nodes.Node item : seq.getValue()) {
        out.add(convert(item, Node.element(path, out.size())));
      }
      return new Node(path, out, line);
    }
    ScalarNode s = (ScalarNode) n;
    if (isNull(s)) {
      return new Node(path, null, line);
    }
    String resolved = References.resolveEnv(s.getValue(), env, path, errors);
    if (resolved == null) {
      return new Node(path, Node.INVALID, line);
    }
    // "${X:-}" means "nothing when X is unset": treat it like an absent value, not an empty string
    boolean emptied = resolved.isEmpty() && !s.getValue().isEmpty();
    return new Node(path, emptied ? null : resolved, line);
  }

  private static boolean isNull(ScalarNode s) {
    return s.isPlain() && switch (s.getValue()) {
      case "", "~", "null", "Null", "NULL" -> true;
      default -> false;
    };
  }

  private static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(null, null, false, false);
    }
  }
}
