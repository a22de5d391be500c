/**
 * devtenant as Entra's provisioning service: pushes the tenant's users, groups and memberships to a
 * SCIM 2.0 endpoint with Entra's request sequence and payload quirks (reference/scim-entra.md).
 * Talks to SCIM over the wire only; shares no code with the scim module.
 */
package io.sallyport.devtenant.provisioning;
