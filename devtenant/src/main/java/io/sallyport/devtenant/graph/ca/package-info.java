/**
 * Microsoft Graph v1.0 Conditional Access on devtenant: authentication context class references and
 * Conditional Access policies. Policies are stored as Graph JSON in the tenant state, where the
 * sign-in page reads them, so a write here applies from the next sign-in. Nothing here evaluates a
 * policy.
 */
package io.sallyport.devtenant.graph.ca;
