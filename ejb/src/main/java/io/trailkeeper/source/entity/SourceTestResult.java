package io.trailkeeper.source.entity;

import java.util.List;

/**
 * What testing a source found: each check with what it saw, never a credential.
 *
 * @param candidateFiles files of the watched directory that a pull would consider (file kinds), else null
 * @param httpStatus     the status the Langfuse API answered (Langfuse), else null
 */
public record SourceTestResult(boolean passed, List<Check> checks, Integer candidateFiles, Integer httpStatus) {

    public record Check(String name, boolean passed, String detail) {
    }

    public static SourceTestResult of(List<Check> checks, Integer candidateFiles, Integer httpStatus) {
        return new SourceTestResult(checks.stream().allMatch(Check::passed), List.copyOf(checks), candidateFiles, httpStatus);
    }
}
