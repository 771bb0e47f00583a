package io.trailkeeper.trail.entity;

/** How many events share one value (an agent, an action, a day). */
public record EventCount(String label, long count) {
}
