/**
 * ROUTE stage: host plus longest path prefix, over a path normalized once so that matching and
 * the upstream agree on what was asked for. Immutable tables, swapped whole on reload.
 */
package io.sallyport.gateway.pipeline.route;
