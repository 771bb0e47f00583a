package io.trailkeeper.ingest.masking.control;

import io.trailkeeper.trail.entity.MaskCategory;
import io.trailkeeper.trail.entity.MaskingCounts;
import java.util.Arrays;
import java.util.List;

/** The masking of one text: the text as masked so far and what was counted. Not thread-safe; one per call. */
final class MaskingPass {

    /**
     * Rounds over all detectors. A second round is needed only when a marker placed by a later
     * detector gives an earlier one a boundary it lacked; the masked text must be a fixed point,
     * or masking it again would change it. In practice the second round finds nothing; the cap
     * only bounds the work on adversarial input.
     */
    private static final int MAX_ROUNDS = 4;
    private static final int CATEGORIES = MaskCategory.values().length;

    private final Findings findings = new Findings();
    private final int[] counts = new int[CATEGORIES];
    private String text;
    /** The text between markers, as copies: detectors never see a marker, nor search past one. */
    private String[] stretches;
    private int[] offsets;

    MaskingPass(String text) {
        this.text = text;
        cutIntoStretches();
    }

    MaskedText run(List<Detector> detectors) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean changed = false;
            for (Detector detector : detectors) {
                changed |= apply(detector);
            }
            if (!changed) {
                break;
            }
        }
        return new MaskedText(text, counts());
    }

    private boolean apply(Detector detector) {
        for (int i = 0; i < stretches.length; i++) {
            findings.startStretch(offsets[i]);
            detector.find(stretches[i], findings);
        }
        if (findings.isEmpty()) {
            return false;
        }
        StringBuilder masked = new StringBuilder(text.length() + 64);
        counts[detector.category().ordinal()] += findings.replace(text, Markers.of(detector.category()), masked);
        findings.clear();
        text = masked.toString();
        cutIntoStretches();
        return true;
    }

    private void cutIntoStretches() {
        int[] markers = Markers.spans(text);
        if (markers.length == 0) {
            stretches = new String[] {text};
            offsets = new int[] {0};
            return;
        }
        String[] pieces = new String[markers.length / 2 + 1];
        int[] starts = new int[pieces.length];
        int count = 0;
        int from = 0;
        for (int i = 0; i <= markers.length; i += 2) {
            int to = i < markers.length ? markers[i] : text.length();
            if (to > from) {
                pieces[count] = text.substring(from, to);
                starts[count++] = from;
            }
            if (i < markers.length) {
                from = markers[i + 1];
            }
        }
        stretches = Arrays.copyOf(pieces, count);
        offsets = Arrays.copyOf(starts, count);
    }

    private MaskingCounts counts() {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        if (total == 0) {
            return MaskingCounts.NONE;
        }
        return new MaskingCounts(
                counts[MaskCategory.SECRET.ordinal()],
                counts[MaskCategory.PAYMENT_CARD.ordinal()],
                counts[MaskCategory.US_SSN.ordinal()],
                counts[MaskCategory.EMAIL.ordinal()],
                counts[MaskCategory.PHONE.ordinal()]);
    }
}
