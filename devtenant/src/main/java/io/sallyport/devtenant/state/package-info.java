/**
 * The tenant's live state: users, groups, apps, roles and PIM instances, agreements and
 * acceptances, access packages, auth contexts and Conditional Access policies, seeded from a
 * scenario and changed by Graph writes and the control API. Data only; the protocol logic lives
 * in oidc, graph and control.
 */
package io.sallyport.devtenant.state;
