package io.trailkeeper.residency.entity;

/** On what evidence a code is placed in a country; officers weigh a provider's statement lower than a region. */
public enum LocationBasis {
    /** A cloud provider's region (regions catalog). */
    CLOUD_REGION,
    /** A model provider's deployment in a cloud region: located by that cloud's region. */
    FOLLOWS_CLOUD_REGION,
    /** A documented endpoint or routing profile pinned to a geography (e.g. OpenAI's EU residency). */
    REGIONAL_ENDPOINT,
    /** No regional endpoint: where the provider states it processes. Weaker evidence; re-check its terms. */
    PROVIDER_STATED
}
