/**
 * AUTHORIZE for bearer callers: the route's {@code require} checks, each a small class with a
 * stable reason code, run against a verified token in memory only. A check that cannot know the
 * answer (groups left out of an overage token) fails with {@code *.unavailable}: never a guess.
 * Nothing here verifies tokens or answers HTTP; {@code authn} does both.
 */
package io.sallyport.gateway.pipeline.authz;
