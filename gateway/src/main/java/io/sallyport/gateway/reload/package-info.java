/**
 * Live reload of the config file: validate off the event loop, swap the snapshot whole, keep the
 * old one on any error. Requests in flight keep the snapshot they started with.
 */
package io.sallyport.gateway.reload;
