/**
 * The {@code /_devtenant} test-support API (docs/devtenant.md): loopback clients only, strict
 * JSON bodies, {@code {"error","message"}} refusals. State changes go through the same action classes
 * Graph uses (graph.pim, graph.terms, graph.entitlement); no protocol logic lives here.
 */
package io.sallyport.devtenant.control;
