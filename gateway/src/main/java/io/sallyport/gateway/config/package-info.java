/**
 * The configuration file: the immutable record tree ({@link io.sallyport.gateway.config.SallyportConfig}
 * and its parts) and {@link io.sallyport.gateway.config.ConfigLoader}, which turns YAML into it,
 * resolving {@code ${ENV}} and {@code file:} secret references and reporting every error at once
 * with its path ({@code routes[1].upstream: ...}).
 *
 * <p>What must not live here: Vert.x, sockets, threads, logging of values, or I/O other than
 * reading the config file and the files it names (secrets, TLS material, CA bundles). Watching the
 * file and swapping routes on reload belong to the code that owns the running gateway; this
 * package only answers "is this file valid, and what does it say".
 */
package io.sallyport.gateway.config;
