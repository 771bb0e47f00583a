package io.trailkeeper.ingest.masking.control;

import io.trailkeeper.trail.entity.MaskCategory;
import java.util.List;
import java.util.regex.Pattern;

/**
 * API keys and tokens whose vendors document a recognisable prefix. A prefix must start a word,
 * so {@code task-…} or {@code risk-…} never reads as an {@code sk-} key. Publishable keys such as
 * Stripe's {@code pk_live_…} are meant to be public and are left alone.
 */
final class VendorKeys implements Detector {

    private static final String WORD_START = AnchoredPattern.WORD_START;

    // OpenAI API keys: "sk-", project keys "sk-proj-", service-account keys "sk-svcacct-"
    // (platform.openai.com/docs, API keys). Anthropic API keys "sk-ant-api03-…" and admin keys
    // "sk-ant-admin01-…" (docs.anthropic.com, API keys) share the shape, so one rule covers both.
    private static final Pattern SK_DASH = Pattern.compile(WORD_START + "sk-[A-Za-z0-9_-]{20,}");
    // AWS IAM User Guide, "Unique identifiers": access key ids start with AKIA (long-term) or
    // ASIA (temporary, from AWS STS), followed by 16 upper-case letters and digits.
    private static final Pattern AWS_ACCESS_KEY_ID = Pattern.compile(WORD_START + "A[KS]IA[0-9A-Z]{16}(?![A-Za-z0-9])");
    // GitHub Docs, "About authentication to GitHub", GitHub's token formats: ghp_ (personal),
    // gho_ (OAuth), ghu_ (user-to-server), ghs_ (server-to-server), ghr_ (refresh) + 36 characters,
    // and fine-grained personal access tokens "github_pat_…".
    private static final Pattern GITHUB_TOKEN = Pattern.compile(WORD_START + "gh[pousr]_[A-Za-z0-9]{36,}");
    private static final Pattern GITHUB_FINE_GRAINED = Pattern.compile(WORD_START + "github_pat_[A-Za-z0-9_]{22,}");
    // Stripe Docs, "API keys": secret keys sk_live_/sk_test_, restricted keys rk_live_/rk_test_.
    private static final Pattern STRIPE_SECRET = Pattern.compile(WORD_START + "[sr]k_(?:live|test)_[A-Za-z0-9]{16,}");
    // Slack API, "Token types": xoxb- (bot), xoxp- (user), xoxa-/xoxr- (app, refresh), xoxs-.
    private static final Pattern SLACK_TOKEN = Pattern.compile(WORD_START + "xox[abprs]-[A-Za-z0-9-]{10,}");

    private static final List<AnchoredPattern> FORMATS = List.of(
            new AnchoredPattern("sk-", SK_DASH),
            new AnchoredPattern("AKIA", AWS_ACCESS_KEY_ID),
            new AnchoredPattern("ASIA", AWS_ACCESS_KEY_ID),
            new AnchoredPattern("xox", SLACK_TOKEN));
    /** Formats whose prefix contains an underscore: skipped at once in the many texts without one. */
    private static final List<AnchoredPattern> UNDERSCORED_FORMATS = List.of(
            new AnchoredPattern("ghp_", GITHUB_TOKEN),
            new AnchoredPattern("gho_", GITHUB_TOKEN),
            new AnchoredPattern("ghu_", GITHUB_TOKEN),
            new AnchoredPattern("ghs_", GITHUB_TOKEN),
            new AnchoredPattern("ghr_", GITHUB_TOKEN),
            new AnchoredPattern("github_pat_", GITHUB_FINE_GRAINED),
            new AnchoredPattern("sk_live_", STRIPE_SECRET),
            new AnchoredPattern("sk_test_", STRIPE_SECRET),
            new AnchoredPattern("rk_live_", STRIPE_SECRET),
            new AnchoredPattern("rk_test_", STRIPE_SECRET));

    @Override
    public MaskCategory category() {
        return MaskCategory.SECRET;
    }

    @Override
    public void find(String text, Findings findings) {
        for (AnchoredPattern format : FORMATS) {
            format.find(text, findings);
        }
        if (text.indexOf('_') >= 0) {
            for (AnchoredPattern format : UNDERSCORED_FORMATS) {
                format.find(text, findings);
            }
        }
    }
}
