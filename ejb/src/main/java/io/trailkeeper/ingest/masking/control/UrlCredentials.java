package io.trailkeeper.ingest.masking.control;

import io.trailkeeper.trail.entity.MaskCategory;
import java.util.regex.Pattern;

/**
 * Passwords in URLs such as {@code postgres://app:s3cret@db.internal/orders}, common in the
 * connection strings agents pass to tools. The user name and host stay readable; they say which
 * system was reached, which the audit trail needs.
 */
final class UrlCredentials implements Detector {

    // RFC 3986 §3.2.1: userinfo = user ":" password, ended by "@"; the format is deprecated
    // precisely because it puts the password in clear text. Bounded lengths keep a text full of
    // "://" linear.
    private static final AnchoredPattern PASSWORD = new AnchoredPattern("://", Pattern.compile(
            "://[^\\s:/?#@\\[\\]\"'<>]{0,128}:([^\\s/?#@\\[\\]\"'<>]{1,256})@"), 1);

    @Override
    public MaskCategory category() {
        return MaskCategory.SECRET;
    }

    @Override
    public void find(String text, Findings findings) {
        PASSWORD.find(text, findings);
    }
}
