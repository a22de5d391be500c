/** The command line: one class per sub-command, each with its own --help. No business logic. */
package io.sallyport.gateway.cli;
