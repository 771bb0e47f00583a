package io.trailkeeper.reports.evidence;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A chart a section shows; the numbers are part of the model, so they are also in the attached JSON. */
public sealed interface EvidenceChart {

    String title();

    /** One count per UTC day, e.g. events per day; drawn as a line. */
    record Daily(String title, String valueLabel, List<DayCount> days) implements EvidenceChart {
        public Daily {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(valueLabel, "valueLabel");
            days = List.copyOf(days);
        }
    }

    /** One count per category, e.g. exceptions per agent; drawn as bars in the list's order. */
    record Categories(String title, String categoryLabel, String valueLabel, List<CategoryCount> categories)
            implements EvidenceChart {
        public Categories {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(categoryLabel, "categoryLabel");
            Objects.requireNonNull(valueLabel, "valueLabel");
            categories = List.copyOf(categories);
        }
    }

    record DayCount(LocalDate day, long count) {
        public DayCount {
            Objects.requireNonNull(day, "day");
        }
    }

    record CategoryCount(String category, long count) {
        public CategoryCount {
            Objects.requireNonNull(category, "category");
        }
    }
}
