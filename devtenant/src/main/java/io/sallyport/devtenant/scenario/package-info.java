/**
 * The scenario file: the tenant devtenant serves (apps, users, groups, roles, PIM schedules,
 * agreements, access packages, auth contexts, Conditional Access rules), read into records with
 * every problem reported at once. No behaviour lives here.
 */
package io.sallyport.devtenant.scenario;
