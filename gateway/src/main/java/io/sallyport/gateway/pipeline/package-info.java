/**
 * The request pipeline: decisions and their stable reason codes, and the policy seam that the
 * route, authenticate, authorize and forward stages meet at. Never imports the admin API or a
 * concrete store; never blocks.
 */
package io.sallyport.gateway.pipeline;
