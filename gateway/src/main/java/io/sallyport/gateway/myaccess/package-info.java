/**
 * The my-access page ({@code /.sallyport/my-access}): for a signed-in browser, its PIM roles and
 * groups (eligible and active, with end times), access packages, terms of use accepted, and every
 * route with whether the user can reach it now, or why not and the way through. Route verdicts come
 * from the same checks as requests (through explain's engine), so the page cannot disagree with
 * the gateway.
 */
package io.sallyport.gateway.myaccess;
