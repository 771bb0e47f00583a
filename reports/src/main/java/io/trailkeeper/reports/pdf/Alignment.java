package io.trailkeeper.reports.pdf;

/** Horizontal placement of text within a table cell. */
public enum Alignment {
    LEFT,
    CENTER,
    RIGHT
}
