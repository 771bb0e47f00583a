package io.trailkeeper.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobPatternTest {

    @Test
    void stars_and_question_marks_become_like_wildcards_and_like_wildcards_stay_literal() {
        assertEquals("%login%", GlobPattern.toLike("*LOGIN*"));
        assertEquals("execute\\_tool", GlobPattern.toLike("execute_tool"));
        assertEquals("100\\%_", GlobPattern.toLike("100%?"));
        assertEquals("a\\\\b", GlobPattern.toLike("a\\b"));
    }

    @Test
    void matching_is_case_insensitive_and_whole_value() {
        assertTrue(GlobPattern.matches("*.read", "Ticket.READ"));
        assertFalse(GlobPattern.matches("*.read", "ticket.readonly"));
        assertTrue(GlobPattern.matches("execute_tool", "execute_tool"));
        assertFalse(GlobPattern.matches("execute_tool", "executeXtool"), "_ is literal in a glob");
        assertTrue(GlobPattern.matches("tool*call*", "tool_call.create"));
        assertFalse(GlobPattern.matches("*", null), "a missing value matches no pattern");
    }
}
