/**
 * devtenant: a local, protocol-faithful stand-in for an Entra ID tenant and the Microsoft Graph
 * endpoints Sallyport uses. Shares no code with the gateway or scim modules, only wire formats.
 *
 * <p>Empty in the foundation build: the module exists so the layout and the bundled jar are in
 * place; the stand-in arrives with the devtenant work (the CLI's {@code devtenant} command says so).
 */
package io.sallyport.devtenant;
