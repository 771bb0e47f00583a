package io.trailkeeper.ingest.format.json.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The members of one record's JSON object, read field by field under each field's accepted
 * names, remembering which members were used so that all others can be kept as content.
 *
 * <p>For a field with several names the first name present with a non-null value is used; the
 * other names stay unused and therefore end up in the content, so that two conflicting values are
 * never silently reduced to one. A JSON {@code null} under a field's name means absent and is
 * dropped. Only the names of known fields ever appear in a reason, never values or unknown keys,
 * since both may carry personal data.
 */
public final class RecordFields {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

    /** One member found under one of a field's names. */
    public record Member(String key, JsonValue value) {
    }

    private final String path;
    private final Map<String, JsonValue> members;
    /** Sized for the fields a format maps, so that marking them never resizes the table. */
    private final Set<String> used = new HashSet<>(64);

    public RecordFields(Map<String, JsonValue> members) {
        this("", members);
    }

    private RecordFields(String path, Map<String, JsonValue> members) {
        this.path = path;
        this.members = members;
    }

    /** @return the member under the first of {@code names} that has a non-null value, unused yet */
    public Member find(String... names) {
        for (String name : names) {
            JsonValue value = members.get(name);
            if (value == null) {
                continue;
            }
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                used.add(name);
                continue;
            }
            return new Member(name, value);
        }
        return null;
    }

    public Member require(String... names) {
        Member member = find(names);
        if (member == null) {
            throw missing(names);
        }
        return member;
    }

    /** Marks a member as mapped, so that it is not repeated in the content. */
    public void use(Member member) {
        used.add(member.key());
    }

    /** @return the text, converting numbers and booleans; rejects an empty value */
    public String requiredText(int maxLength, String... names) {
        Member member = require(names);
        String text = text(member, maxLength);
        if (text.isBlank()) {
            throw new InvalidRecordException("field " + name(member) + " is empty");
        }
        return text;
    }

    /** @return the text, converting numbers and booleans, or null when absent or blank */
    public String optionalText(int maxLength, String... names) {
        Member member = find(names);
        if (member == null) {
            return null;
        }
        String text = text(member, maxLength);
        return text.isBlank() ? null : text;
    }

    /** Converts a scalar member to text and marks it used. */
    public String text(Member member, int maxLength) {
        String text = switch (member.value().getValueType()) {
            case STRING -> ((JsonString) member.value()).getString();
            // The number's own rendering: exponent notation stays short even for absurd values.
            case NUMBER -> member.value().toString();
            case TRUE -> "true";
            case FALSE -> "false";
            default -> throw wrongType(member, "a string");
        };
        checkText(member, text, maxLength);
        use(member);
        return text;
    }

    /** Checks that text read from the member fits a column: within the limit, and storable as sent. */
    public void checkText(Member member, String text, int maxLength) {
        // length() bounds the code point count from above, so the exact count is rarely needed.
        if (text.length() > maxLength) {
            int characters = text.codePointCount(0, text.length());
            if (characters > maxLength) {
                throw new InvalidRecordException("field " + name(member) + " is " + characters
                        + " characters long; the limit is " + maxLength);
            }
        }
        String problem = StorableText.problem(text);
        if (problem != null) {
            throw new InvalidRecordException("field " + name(member) + " " + problem);
        }
    }

    /** @return true or false, also from the strings "true" and "false"; null when absent */
    public Boolean optionalFlag(String... names) {
        Member member = find(names);
        if (member == null) {
            return null;
        }
        Boolean flag = switch (member.value().getValueType()) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> switch (((JsonString) member.value()).getString().strip().toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> null;
            };
            default -> null;
        };
        if (flag == null) {
            throw new InvalidRecordException("field " + name(member) + " must be true or false");
        }
        use(member);
        return flag;
    }

    /** @return a count such as a number of tokens, also from a numeric string; null when absent */
    public Long optionalCount(String... names) {
        Member member = find(names);
        if (member == null) {
            return null;
        }
        Long count = switch (member.value().getValueType()) {
            case NUMBER -> WholeNumber.exactLong(((JsonNumber) member.value()).bigDecimalValue());
            case STRING -> {
                String digits = ((JsonString) member.value()).getString().strip();
                yield DIGITS.matcher(digits).matches() ? parseOrNull(digits) : null;
            }
            default -> null;
        };
        if (count == null || count < 0) {
            throw new InvalidRecordException("field " + name(member) + " must be a non-negative integer");
        }
        use(member);
        return count;
    }

    private static Long parseOrNull(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * @return the members of a nested object, read under this field's name as a prefix; null when
     *     absent. The object itself is not marked used: the caller decides once it knows whether
     *     every nested member was mapped.
     */
    public RecordFields optionalObject(String name) {
        Member member = find(name);
        if (member == null) {
            return null;
        }
        if (member.value().getValueType() != JsonValue.ValueType.OBJECT) {
            throw wrongType(member, "an object");
        }
        return new RecordFields(path + name + ".", (JsonObject) member.value());
    }

    /** @return whether every non-null member was mapped */
    public boolean allUsed() {
        return members.entrySet().stream().allMatch(member -> used.contains(member.getKey())
                || member.getValue().getValueType() == JsonValue.ValueType.NULL);
    }

    /** @return the members not mapped to any field, in source order */
    public Map<String, JsonValue> unused() {
        Map<String, JsonValue> unused = new LinkedHashMap<>();
        members.forEach((key, value) -> {
            if (!used.contains(key)) {
                unused.put(key, value);
            }
        });
        return unused;
    }

    /** @return the member's name as a person finds it in the line, quoted, e.g. 'tokens.input' */
    public String name(Member member) {
        return "'" + path + member.key() + "'";
    }

    public InvalidRecordException wrongType(Member member, String expected) {
        return new InvalidRecordException("field " + name(member) + " must be " + expected
                + ", but is " + describe(member.value()));
    }

    private InvalidRecordException missing(String... names) {
        StringBuilder reason = new StringBuilder("missing required field '").append(path).append(names[0]).append('\'');
        if (names.length > 1) {
            reason.append(" (also accepted: ");
            for (int i = 1; i < names.length; i++) {
                reason.append(i > 1 ? ", '" : "'").append(path).append(names[i]).append('\'');
            }
            reason.append(')');
        }
        return new InvalidRecordException(reason.toString());
    }

    /** How a reason names the kind of a JSON value, the same for every format. */
    public static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }
}
