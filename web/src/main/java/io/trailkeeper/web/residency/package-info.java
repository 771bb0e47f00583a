/** Residency over HTTP ({@code /api/residency/…}) and the Residency page. */
package io.trailkeeper.web.residency;
