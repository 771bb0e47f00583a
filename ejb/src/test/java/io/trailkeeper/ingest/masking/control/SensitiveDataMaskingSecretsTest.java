package io.trailkeeper.ingest.masking.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trailkeeper.trail.entity.MaskingCounts;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** An auditor's question: can a credential an agent saw end up readable in the trail? */
class SensitiveDataMaskingSecretsTest {

    static final String SECRET = "[MASKED:SECRET]";
    static final MaskingCounts ONE_SECRET = new MaskingCounts(1, 0, 0, 0, 0);

    final SensitiveDataMasking masking = new SensitiveDataMasking();

    static Stream<Arguments> secrets() {
        return Stream.of(
                Arguments.of("PEM RSA key in a tool result",
                        "read ./id_rsa: " + Fabricated.RSA_PRIVATE_KEY + " (done)", "read ./id_rsa: " + SECRET + " (done)"),
                Arguments.of("PKCS#8 key", Fabricated.PKCS8_PRIVATE_KEY, SECRET),
                Arguments.of("OpenSSH key", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
                        + "-----END OPENSSH PRIVATE KEY-----", SECRET),
                Arguments.of("encrypted PKCS#8 key", "x -----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0w\n"
                        + "-----END ENCRYPTED PRIVATE KEY----- y", "x " + SECRET + " y"),
                Arguments.of("PGP key block", "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGA\n"
                        + "-----END PGP PRIVATE KEY BLOCK-----", SECRET),
                Arguments.of("PEM key cut off at the end of the text",
                        "key follows\n-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBx", "key follows\n" + SECRET),
                Arguments.of("PEM key escaped inside raw JSON",
                        "{\"out\":\"-----BEGIN PRIVATE KEY-----\\nMIIEvQ\\n-----END PRIVATE KEY-----\"}",
                        "{\"out\":\"" + SECRET + "\"}"),
                Arguments.of("OpenAI project key", "use " + Fabricated.OPENAI_PROJECT_KEY + " for this", "use " + SECRET + " for this"),
                Arguments.of("OpenAI legacy key in an env assignment",
                        "export OPENAI_API_KEY=" + Fabricated.OPENAI_LEGACY_KEY, "export OPENAI_API_KEY=" + SECRET),
                Arguments.of("Anthropic key", "x-api-key " + Fabricated.ANTHROPIC_KEY + ".", "x-api-key " + SECRET + "."),
                Arguments.of("AWS access key id", "AccessKeyId " + Fabricated.AWS_ACCESS_KEY_ID, "AccessKeyId " + SECRET),
                Arguments.of("AWS temporary key id", "(" + Fabricated.AWS_TEMPORARY_KEY_ID + ")", "(" + SECRET + ")"),
                Arguments.of("AWS secret key, credentials file",
                        "aws_secret_access_key = " + Fabricated.AWS_SECRET_ACCESS_KEY, "aws_secret_access_key = " + SECRET),
                Arguments.of("AWS secret key, env variable",
                        "AWS_SECRET_ACCESS_KEY=" + Fabricated.AWS_SECRET_ACCESS_KEY + " aws s3 ls",
                        "AWS_SECRET_ACCESS_KEY=" + SECRET + " aws s3 ls"),
                Arguments.of("AWS secret key, SDK JSON",
                        "{\"secretAccessKey\": \"" + Fabricated.AWS_SECRET_ACCESS_KEY + "\"}", "{\"secretAccessKey\": \"" + SECRET + "\"}"),
                Arguments.of("GitHub classic token", "git push https://" + Fabricated.GITHUB_CLASSIC_TOKEN + "@github.com/o/r",
                        "git push https://" + SECRET + "@github.com/o/r"),
                Arguments.of("GitHub fine-grained token", "GH " + Fabricated.GITHUB_FINE_GRAINED_TOKEN, "GH " + SECRET),
                Arguments.of("Stripe live secret key", "stripe " + Fabricated.STRIPE_LIVE_SECRET, "stripe " + SECRET),
                Arguments.of("Stripe restricted key", Fabricated.STRIPE_RESTRICTED, SECRET),
                Arguments.of("Slack bot token", "slack:" + Fabricated.SLACK_BOT_TOKEN, "slack:" + SECRET),
                Arguments.of("JWT", "session " + Fabricated.JWT + " expired", "session " + SECRET + " expired"),
                Arguments.of("Bearer header keeps its scheme",
                        "Authorization: Bearer " + Fabricated.BEARER_TOKEN, "Authorization: Bearer " + SECRET),
                Arguments.of("Bearer JWT is one secret", "Authorization: Bearer " + Fabricated.JWT, "Authorization: Bearer " + SECRET),
                Arguments.of("Basic credentials keep their scheme",
                        "authorization: Basic " + Fabricated.BASIC_CREDENTIALS, "authorization: Basic " + SECRET),
                Arguments.of("password in a connection URL",
                        "postgres://app:Example-Pass-1@db.example.com:5432/orders",
                        "postgres://app:" + SECRET + "@db.example.com:5432/orders"),
                Arguments.of("key=value", "login user=ops password=hunter22! now", "login user=ops password=" + SECRET + " now"),
                Arguments.of("JSON member", "{\"client_secret\": \"abc123def456\", \"n\": 1}",
                        "{\"client_secret\": \"" + SECRET + "\", \"n\": 1}"),
                Arguments.of("YAML", "db:\n  passwd: s3cr3t-value\n", "db:\n  passwd: " + SECRET + "\n"),
                Arguments.of("quoted value with spaces", "pwd='correct horse battery'", "pwd='" + SECRET + "'"),
                Arguments.of("qualified name", "spring.datasource.password = s3cr3tvalue", "spring.datasource.password = " + SECRET),
                Arguments.of("header name", "X-Api-Key: 0123456789abcdef", "X-Api-Key: " + SECRET),
                Arguments.of("camel case", "{apiKey: 'k-000111222'}", "{apiKey: '" + SECRET + "'}"),
                Arguments.of("upper case", "API_KEY=abcdef123456;next", "API_KEY=" + SECRET + ";next"),
                Arguments.of("query string", "GET /v1/x?access_token=abcdef123456&page=2",
                        "GET /v1/x?access_token=" + SECRET + "&page=2"),
                Arguments.of("refresh token", "refresh_token: r-77777777", "refresh_token: " + SECRET),
                Arguments.of("token", "token=\"abcdefgh\"", "token=\"" + SECRET + "\""),
                Arguments.of("private key name", "PRIVATE_KEY=base64stuff", "PRIVATE_KEY=" + SECRET),
                Arguments.of("JSON escaped inside a JSON string", "{\\\"password\\\":\\\"hunter22\\\"}",
                        "{\\\"password\\\":\\\"" + SECRET + "\\\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void masksTheSecretOnlyAndCountsIt(String kind, String text, String expected) {
        MaskedText masked = masking.mask(text);

        assertEquals(expected, masked.text());
        assertEquals(ONE_SECRET, masked.counts());
    }

    @Test
    void bareValueEndsAtWhiteSpace() {
        // Documented limit: an unquoted value ends at white space, so only "correct" is masked.
        // Quoted, the whole value is masked (see "quoted value with spaces").
        assertEquals("passwd: " + SECRET + " horse", masking.mask("passwd: correct horse").text());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // public by design
        "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----",
        "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----",
        "-----BEGIN RSA PRIVATE", // no complete header: nothing to mask
        "pk_live_YYYYYYYYYYYYYYYYYYYYYYYY",
        "pk_test_YYYYYYYYYYYYYYYYYYYYYYYY",
        // near misses of key prefixes
        "sk-proj-short",
        "task-1234567890abcdefghijklmnop",
        "risk-assessment-for-the-quarterly-report",
        "AKIA123",
        "AKIAIOSFODNN7EXAMPLEXYZ",
        "ghp_tooShort",
        "sk_live_short",
        "xoxb-1",
        "eyJhbGciOiJIUzI1NiJ9 is only a header",
        // prose and placeholders
        "Bearer authentication is required for this endpoint",
        "use bearer token-based auth.here",
        "the bearer of this letter",
        "Basic information about the account",
        "Authorization: Bearer xyz",
        "Authorization: Bearer <token>",
        "http://example.com:8080/path?q=1",
        // labels with short or no values, and names that only contain a label
        "password: none",
        "token: 812",
        "\"tokens\": 812, \"max_tokens\": 4096, \"input_tokens\": 1234567",
        "token_count=1234567",
        "password_hint=favourite colour",
        "passwordless login enabled",
        "if password == expected then",
        "API_KEY=<your key here>",
        "secret:",
        "the secret is out",
        "{\"password\": \"\"}"})
    void leavesLookAlikesAlone(String text) {
        MaskedText masked = masking.mask(text);

        assertEquals(text, masked.text());
        assertEquals(MaskingCounts.NONE, masked.counts());
    }
}
