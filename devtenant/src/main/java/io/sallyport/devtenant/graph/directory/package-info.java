/**
 * Microsoft Graph v1.0 directory endpoints on devtenant: users, {@code /me}, groups, memberships
 * (memberOf, transitiveMemberOf, getMemberObjects, checkMemberGroups), applications and service
 * principals. Resources are served in Microsoft's documented JSON shapes from the tenant state;
 * query options go through the shared OData layer. Nothing here issues tokens or renders sign-in
 * pages: an app secret added through Graph reaches the token endpoint only through the state.
 */
package io.sallyport.devtenant.graph.directory;
