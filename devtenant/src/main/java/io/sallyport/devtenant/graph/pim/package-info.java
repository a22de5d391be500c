/**
 * Graph v1.0 PIM on devtenant: directory-role and PIM-for-Groups schedule instances and schedule
 * requests, with PIM's activation rules (eligibility, MFA, authentication context, justification,
 * ticket, maximum duration, approval) judged on the caller's Graph token and the scenario clock.
 * {@link io.sallyport.devtenant.graph.pim.PimActions} holds the state changes, shared with the
 * control API. No HTTP here knows about the control API, and nothing here reads the wall clock.
 */
package io.sallyport.devtenant.graph.pim;
