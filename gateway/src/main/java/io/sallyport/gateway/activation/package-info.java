/**
 * PIM activation at the wall: the page a person eligible for a route's PIM role or group is sent to
 * from the deny page ({@code /.sallyport/activate?route=...}), its CSRF-protected form (justification,
 * duration, ticket), the {@code selfActivate} made on their behalf, the step-up, pending-approval
 * and refusal pages, and the wait until the assignment is active. Graph itself lives in
 * {@code entra.graph}; nothing here decides access to a route (the route's policy does, afresh).
 */
package io.sallyport.gateway.activation;
