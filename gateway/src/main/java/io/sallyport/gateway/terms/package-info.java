/**
 * Terms of use that Sallyport itself offers ({@code require.terms-of-use} with {@code via: page}):
 * the acceptances it records (in the audit log, see {@link io.sallyport.gateway.terms.OwnAcceptances})
 * and the page that shows the terms and takes the acceptance ({@link io.sallyport.gateway.terms.TermsPage}).
 */
package io.sallyport.gateway.terms;
