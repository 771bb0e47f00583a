package io.trailkeeper.web.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers every response of Trailkeeper carries, pages and API alike, on every listener (OWASP ASVS
 * 4.0.3 V14.4). The pages have no scripts, no inline styles and no frames, so the content security
 * policy allows only the application's own style sheets and images and nothing else. Responses
 * hold personal data, decrypted content and evidence, so nothing but static resources may be
 * cached (ASVS V8.2.1). Also set on error dispatches, where the container's 401/404 answers are made.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR,
        DispatcherType.ASYNC})
public class SecurityHeaders extends HttpFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";
    /** A year, as HSTS preload lists ask; only sent over HTTPS, where a browser honours it (RFC 6797 §7.2). */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";
    /** Faces serves the style sheet under this path; it is the same for every user. */
    private static final String STATIC_RESOURCES = "/jakarta.faces.resource/";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(request, response);
        chain.doFilter(request, response);
    }

    /**
     * Also called by the authentication mechanism, which runs before any filter and answers some
     * requests itself (401, 429, the redirect to sign-in).
     */
    public static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
        if (!request.getRequestURI().startsWith(request.getContextPath() + STATIC_RESOURCES)) {
            response.setHeader("Cache-Control", "no-store");
        }
    }
}
