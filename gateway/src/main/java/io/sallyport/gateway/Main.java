package io.sallyport.gateway;

import io.sallyport.gateway.cli.CheckConfigCommand;
import io.sallyport.gateway.cli.Command;
import io.sallyport.gateway.cli.DemoCommand;
import io.sallyport.gateway.cli.DemoUpstreamCommand;
import io.sallyport.gateway.cli.DevtenantCommand;
import io.sallyport.gateway.cli.ExplainCommand;
import io.sallyport.gateway.cli.RunCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The command line: {@code java -jar sallyport.jar <command> [options]}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // Netty reads this once, at first use; pooled buffers were worth ~40% of throughput here
    if (System.getProperty("io.netty.allocator.type") == null) {
      System.setProperty("io.netty.allocator.type", "pooled");
    }
    int code = run(args, System.out, System.err);
    if (code != Command.KEEP_RUNNING) {
      System.exit(code);
    }
  }

  static Map<String, Command> commands() {
    Map<String, Command> m = new LinkedHashMap<>();
    for (Command c : new Command[] {new RunCommand(), new CheckConfigCommand(), new ExplainCommand(), new DemoCommand(),
        new DevtenantCommand(), new DemoUpstreamCommand()}) {
      m.put(c.name(), c);
    }
    return m;
  }

  /** @return an exit code, or {@link Command#KEEP_RUNNING} when a server was started */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, Command> commands = commands();
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      usage(commands, args.length == 0 ? err : out);
      return args.length == 0 ? 2 : 0;
    }
    Command c = commands.get(args[0]);
    if (c == null) {
      err.println("sallyport: unknown command \"" + args[0] + "\"; expected one of " + commands.keySet());
      return 2;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
      out.println(c.help());
      return 0;
    }
    return c.run(rest, out, err);
  }

  private static void usage(Map<String, Command> commands, PrintStream out) {
    out.println("Sallyport: a privileged access gateway for Microsoft Entra ID.");
    out.println();
    out.println("Usage: java -jar sallyport.jar <command> [options]");
    out.println();
    out.println("Commands:");
    commands.values().forEach(c -> out.printf("  %-14s %s%n", c.name(), c.summary()));
    out.println();
    out.println("Run 'java -jar sallyport.jar <command> --help' for a command's options.");
  }
}
