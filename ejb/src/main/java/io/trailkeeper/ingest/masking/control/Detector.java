package io.trailkeeper.ingest.masking.control;

import io.trailkeeper.trail.entity.MaskCategory;

/**
 * Finds one family of sensitive values, such as vendor API keys or e-mail addresses.
 *
 * <p>Implementations are stateless and thread-safe, and must stay linear in the length of the
 * text: they look for a cheap literal or character first and only then try a pattern, and their
 * patterns have no nested quantifiers over overlapping classes. They must not throw.
 */
interface Detector {

    MaskCategory category();

    /**
     * Reports the spans of {@code text} to mask. The text is a stretch between markers placed
     * earlier, or all of it when there are none; its ends read like any other delimiter.
     */
    void find(String text, Findings findings);
}
