package io.trailkeeper.retention.control;

import io.trailkeeper.retention.entity.ExpiryAction;
import io.trailkeeper.retention.entity.PolicyDefinition;
import io.trailkeeper.retention.entity.PolicyPreset;
import io.trailkeeper.retention.entity.PolicyTerms;
import io.trailkeeper.retention.entity.RetentionRejected;
import io.trailkeeper.retention.entity.RuleDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What officers send, checked before anything is stored: every broken rule is listed at once. Pure. */
public final class RetentionChecks {

    /** Longest period a policy may set: 100 years; a longer one is a typo, not a policy. */
    public static final int MAX_PERIOD_DAYS = 36_525;

    private RetentionChecks() {
    }

    public static PolicyTerms policy(PolicyDefinition asked, Collection<String> classes) {
        List<String> problems = new ArrayList<>();
        if (asked == null) {
            throw invalid(List.of("send the policy as a JSON object, e.g. {\"preset\":\"CONVERSATION_LOG_90D\"}"));
        }
        Optional<PolicyPreset> preset = Optional.empty();
        if (asked.preset() != null) {
            preset = RetentionPresets.named(asked.preset());
            if (preset.isEmpty()) {
                problems.add("no preset named '" + asked.preset() + "'");
            }
        }
        String recordClass = asked.recordClass() != null ? asked.recordClass() : preset.map(PolicyPreset::recordClass).orElse(null);
        Integer days = asked.periodDays() != null ? asked.periodDays() : preset.map(PolicyPreset::periodDays).orElse(null);
        ExpiryAction action = preset.map(PolicyPreset::expiryAction).orElse(ExpiryAction.DELETE_EVENT);
        if (recordClass == null) {
            problems.add("recordClass is required (or a preset)");
        } else if (!classes.contains(recordClass)) {
            problems.add("no record class '" + recordClass + "'");
        }
        if (days == null) {
            problems.add("periodDays is required (or a preset)");
        } else if (days < 1 || days > MAX_PERIOD_DAYS) {
            problems.add("periodDays must be between 1 and " + MAX_PERIOD_DAYS);
        }
        if (asked.expiryAction() != null) {
            try {
                action = ExpiryAction.valueOf(asked.expiryAction());
            } catch (IllegalArgumentException e) {
                problems.add("expiryAction must be one of DELETE_EVENT, KEEP_METADATA_DESTROY_CONTENT");
            }
        }
        Set<String> sources = names("sources", asked.sources(), 100, problems);
        Set<String> agents = names("agents", asked.agents(), 200, problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return new PolicyTerms(recordClass, days, action, preset.map(PolicyPreset::code).orElse(null), sources, agents);
    }

    public static RuleDefinition rule(RuleDefinition asked, Collection<String> classes, int nextOrder) {
        if (asked == null) {
            throw invalid(List.of("send the rule as a JSON object, e.g. {\"actionPattern\":\"chat\",\"recordClass\":\"CONVERSATION_LOG\"}"));
        }
        List<String> problems = new ArrayList<>();
        if (asked.recordClass() == null || !classes.contains(asked.recordClass())) {
            problems.add("recordClass must name a record class, one of " + classes);
        }
        String source = text("sourceName", asked.sourceName(), 100, problems);
        String agent = text("agentPattern", asked.agentPattern(), 200, problems);
        String action = text("actionPattern", asked.actionPattern(), 200, problems);
        String category = text("dataCategoryPattern", asked.dataCategoryPattern(), 100, problems);
        String result = text("resultPattern", asked.resultPattern(), 200, problems);
        if (source == null && agent == null && action == null && category == null && result == null) {
            problems.add("a rule needs at least one condition (sourceName, agentPattern, actionPattern, dataCategoryPattern, "
                    + "resultPattern); events no rule matches go to the default class anyway");
        }
        int order = asked.evaluationOrder() == null ? nextOrder : asked.evaluationOrder();
        if (order < 0 || order > 1_000_000) {
            problems.add("evaluationOrder must be between 0 and 1000000");
        }
        String note = text("note", asked.note(), 500, problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return new RuleDefinition(order, asked.recordClass(), source, agent, action, category, result, note, asked.reason());
    }

    /** Why a change is made: required, at most 1000 characters. */
    public static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw invalid(List.of("say why: 'reason' is required for every change of retention"));
        }
        if (reason.strip().length() > 1000) {
            throw invalid(List.of("'reason' is longer than 1000 characters"));
        }
        return reason.strip();
    }

    public static String text(String field, String value, int max, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            problems.add("'" + field + "' is longer than " + max + " characters");
        }
        return stripped;
    }

    public static Set<String> names(String field, List<String> values, int max, List<String> problems) {
        Set<String> names = new LinkedHashSet<>();
        if (values == null) {
            return names;
        }
        for (String value : values) {
            String name = text(field, value, max, problems);
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    public static RetentionRejected invalid(List<String> problems) {
        return new RetentionRejected(RetentionRejected.Reason.INVALID, problems);
    }
}
