package io.sallyport.gateway.cli;

import java.io.PrintStream;

/** One sub-command of the CLI. */
public interface Command {

  /** Returned by commands that started a server and must not exit the JVM. */
  int KEEP_RUNNING = -1;

  String name();

  String summary();

  String help();

  int run(String[] args, PrintStream out, PrintStream err);
}
