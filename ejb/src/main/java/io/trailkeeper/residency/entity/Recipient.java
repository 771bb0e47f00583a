package io.trailkeeper.residency.entity;

import java.util.Objects;

/**
 * Someone the trail shows receiving the data: the cloud an agent runs and logs in, a model provider, or an
 * external tool's endpoint, with the transfer mechanism officers recorded for it.
 *
 * @param provider the catalog's provider id ({@code aws}, {@code gcp}, {@code azure}, {@code azure-openai},
 *                 {@code vertex-ai}, {@code bedrock}, {@code openai}, {@code anthropic}), or null when only
 *                 the code is known
 */
public record Recipient(String name, String provider, TransferMechanism mechanism) {

    public Recipient {
        Objects.requireNonNull(name, "name");
        mechanism = mechanism == null ? TransferMechanism.none() : mechanism;
    }
}
