/**
 * The demo: a small upstream application to put behind the gateway, devtenant's launch, and the facts
 * the demo prints (URLs, users, and what each user meets on the privileged-access routes, worked out
 * from the routes and the scenario). Never on a production path.
 */
package io.sallyport.gateway.demo;
