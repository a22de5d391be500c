/** The demo: a small upstream application to put behind the gateway. Never on a production path. */
package io.sallyport.gateway.demo;
