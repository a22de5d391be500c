/**
 * Graph v1.0 entitlement management on devtenant: access packages, assignments and assignment
 * requests, in Graph's shapes, with assignment state judged by the scenario clock.
 * {@link io.sallyport.devtenant.graph.entitlement.EntitlementActions} holds the state changes, shared
 * with the control API.
 */
package io.sallyport.devtenant.graph.entitlement;
