/** The storage SPI the gateway implements on its store (H2 or PostgreSQL); nothing protocol-shaped. */
package io.sallyport.scim.spi;
