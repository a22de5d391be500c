/** The scenario clock every expiry in devtenant reads; moved forward by tests, never back. */
package io.sallyport.devtenant.clock;
