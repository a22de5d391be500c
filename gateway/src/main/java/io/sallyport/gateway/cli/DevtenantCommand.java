package io.sallyport.gateway.cli;

import java.io.PrintStream;

/**
 * {@code devtenant}: the local Entra ID and Graph stand-in. The command is reserved here so the
 * CLI's shape is stable; the stand-in itself is built in the devtenant module (its own issue).
 */
public final class DevtenantCommand implements Command {

  @Override
  public String name() {
    return "devtenant";
  }

  @Override
  public String summary() {
    return "start the local Entra ID / Microsoft Graph stand-in (not built yet)";
  }

  @Override
  public String help() {
    return """
        Usage: sallyport devtenant

        Will start devtenant, a local protocol-faithful stand-in for an Entra ID tenant and the
        Microsoft Graph endpoints Sallyport uses. It is not part of this build yet: the command
        exits with status 3 and says so, rather than pretending to serve a tenant.""";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) {
    err.println("sallyport devtenant: the devtenant stand-in is not part of this build yet; "
        + "the gateway runs public routes only until identity arrives (see README).");
    return 3;
  }
}
