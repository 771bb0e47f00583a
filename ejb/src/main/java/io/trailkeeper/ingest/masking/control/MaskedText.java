package io.trailkeeper.ingest.masking.control;

import io.trailkeeper.trail.entity.MaskingCounts;

/** The result of masking one text: the text to store and how many values of each kind it lost. */
public record MaskedText(String text, MaskingCounts counts) {
}
