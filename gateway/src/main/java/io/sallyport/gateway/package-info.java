/**
 * The deployable: {@code Main} (the command line) and {@code Gateway}, the one composition root
 * that builds every component from configuration by constructor. Nothing else constructs
 * components or picks a store.
 */
package io.sallyport.gateway;
