/**
 * devtenant: a local, protocol-faithful stand-in for an Entra ID tenant and the Microsoft Graph
 * endpoints Sallyport uses, driven by a scenario file. {@link io.sallyport.devtenant.DevTenant} is
 * the composition root. Shares no code with the gateway or scim modules, only wire formats.
 */
package io.sallyport.devtenant;
