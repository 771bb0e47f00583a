package io.trailkeeper.ingest.masking.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Fabricated credentials and personal data for the masking tests. Keys are assembled in code from
 * repeated letters or vendors' documented example values, so no string in the sources looks like,
 * or is, a live credential; card numbers are the brands' published test numbers, phone numbers
 * are in the 555-01xx range reserved for fiction, addresses are at example.com (RFC 2606).
 */
final class Fabricated {

    static final String OPENAI_PROJECT_KEY = "sk-proj-" + "A".repeat(40);
    static final String OPENAI_LEGACY_KEY = "sk-" + "a1B2".repeat(12);
    static final String ANTHROPIC_KEY = "sk-ant-api03-" + "Bx_9".repeat(20) + "-AA";
    // AWS's own documentation examples (IAM User Guide, "Managing access keys").
    static final String AWS_ACCESS_KEY_ID = "AKIA" + "IOSFODNN7" + "EXAMPLE";
    static final String AWS_TEMPORARY_KEY_ID = "ASIA" + "Q".repeat(16);
    static final String AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY";
    static final String GITHUB_CLASSIC_TOKEN = "ghp_" + "x".repeat(36);
    static final String GITHUB_FINE_GRAINED_TOKEN = "github_pat_" + "1".repeat(22) + "_" + "z".repeat(59);
    static final String STRIPE_LIVE_SECRET = "sk_live_" + "T".repeat(24);
    static final String STRIPE_RESTRICTED = "rk_test_" + "Z".repeat(24);
    static final String STRIPE_PUBLISHABLE = "pk_live_" + "Y".repeat(24);
    static final String SLACK_BOT_TOKEN = "xoxb-" + "1".repeat(12) + "-" + "2".repeat(13) + "-" + "c".repeat(24);
    static final String JWT = jwt();
    static final String BEARER_TOKEN = "tk_" + "9f".repeat(16);
    static final String BASIC_CREDENTIALS = Base64.getEncoder()
            .encodeToString("demo-user:not-a-real-password".getBytes(StandardCharsets.US_ASCII));
    static final String RSA_PRIVATE_KEY = pem("RSA PRIVATE KEY");
    static final String PKCS8_PRIVATE_KEY = pem("PRIVATE KEY");

    static final String VISA_TEST_CARD_SPACED = "4111 1111 1111 1111";
    static final String MASTERCARD_TEST_CARD_DASHED = "5555-5555-5555-4444";
    static final String VISA_TEST_CARD = "4111111111111111";
    static final String AMEX_TEST_CARD = "378282246310005";
    static final String DISCOVER_TEST_CARD = "6011111111111117";
    static final String SSN = "123-45-6789";

    private Fabricated() {
    }

    private static String jwt() {
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        String header = base64url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64url.encodeToString("{\"sub\":\"agent-7\",\"iat\":1731234567}".getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + "." + "S".repeat(43);
    }

    private static String pem(String label) {
        StringBuilder body = new StringBuilder();
        for (int line = 0; line < 5; line++) {
            body.append("MIIEv").append("Q".repeat(59)).append('\n');
        }
        return "-----BEGIN " + label + "-----\n" + body + "-----END " + label + "-----";
    }
}
