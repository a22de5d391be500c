/**
 * Graph v1.0 terms of use on devtenant: agreements, their files and acceptances, in Graph's shapes.
 * {@link io.sallyport.devtenant.graph.terms.TermsActions} records or removes acceptances for the
 * control API; Graph itself offers no way to accept terms (users do that at sign-in).
 */
package io.sallyport.devtenant.graph.terms;
