/**
 * Web side of access control: signing in to the pages (session) and to the REST API (HTTP Basic,
 * never the session cookie, so another site cannot make a signed-in browser call the API), account
 * administration and password changes.
 */
package io.trailkeeper.web.access;
