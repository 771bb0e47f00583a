package io.trailkeeper.ingest.masking.control;

import io.trailkeeper.trail.entity.MaskingCounts;
import jakarta.json.spi.JsonProvider;
import java.util.List;

/**
 * Finds secrets and personal data in what AI agents log (prompts, outputs, tool arguments and
 * results, free text) and replaces each occurrence with a marker such as {@code [MASKED:EMAIL]},
 * before the event is stored. The counts per category are kept with the event as evidence for
 * "no credentials or personal data in the AI logs". Stateless, thread-safe; create it once, as it
 * looks up the JSON provider.
 *
 * <p>Masking never throws and stays linear in the length of the text, because it runs on every
 * ingested event and an attacker may choose what an agent logs.
 *
 * <p>Detectors run in a fixed order, secrets first: a credential is the worst thing to leave
 * readable and the most specific shape, so {@code Authorization: Bearer sk-…} is one secret and
 * {@code postgres://app:pw@db.example.com} a secret rather than an e-mail address. Each later
 * detector sees only the text between the markers already placed, so nothing is masked or counted
 * twice, and masking a masked text changes nothing.
 */
public final class SensitiveDataMasking {

    private static final List<Detector> DETECTORS = List.of(
            new PrivateKeyBlocks(),
            new VendorKeys(),
            new JsonWebTokens(),
            new AuthorizationCredentials(),
            new UrlCredentials(),
            new LabelledSecrets(),
            new PaymentCards(),
            new SocialSecurityNumbers(),
            new EmailAddresses(),
            new PhoneNumbers());

    /** No detector matches fewer characters ("a@b.co"); most JSON string values are shorter. */
    private static final int SHORTEST_MATCH = 6;

    private final JsonStringValues json;

    public SensitiveDataMasking() {
        // Looked up once: JsonProvider.provider() scans the class path on every call.
        this.json = new JsonStringValues(JsonProvider.provider());
    }

    /** @return the masked text and its counts; {@code null} gives {@code null} with no counts */
    public MaskedText mask(String text) {
        if (text == null || text.length() < SHORTEST_MATCH) {
            return new MaskedText(text, MaskingCounts.NONE);
        }
        return new MaskingPass(text).run(DETECTORS);
    }

    /**
     * Masks every string value, recursively in objects and arrays, of a JSON object text; keys and
     * non-string values are kept, and so is member order. A text with nothing to mask is returned
     * unchanged; a masked one is written compactly. A text that is not valid JSON is masked as
     * plain text instead, so nothing escapes masking because a producer wrote broken JSON.
     */
    public MaskedText maskJson(String jsonObjectText) {
        if (jsonObjectText == null) {
            return new MaskedText(null, MaskingCounts.NONE);
        }
        MaskedText masked = json.mask(jsonObjectText, this::mask);
        return masked != null ? masked : mask(jsonObjectText);
    }
}
