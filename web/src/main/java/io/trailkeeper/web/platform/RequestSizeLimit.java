package io.trailkeeper.web.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Explicit body limits for the REST API. Trail uploads (POST /api/imports) may be as large as
 * {@code trailkeeper.import.max-upload-bytes} and are capped again while copied; every other body is
 * small JSON, limited to {@code trailkeeper.api.max-json-bytes} and must state its length, so an
 * oversize request is refused before a byte of it is read.
 */
@WebFilter(urlPatterns = "/api/*")
public class RequestSizeLimit extends HttpFilter {

    private static final long MAX_DRAIN_BYTES = 1024 * 1024;

    private final long maxJsonBytes;
    private final long maxUploadBytes;

    @Inject
    public RequestSizeLimit(
            @ConfigProperty(name = "trailkeeper.api.max-json-bytes", defaultValue = "65536") long maxJsonBytes,
            @ConfigProperty(name = "trailkeeper.import.max-upload-bytes", defaultValue = "268435456") long maxUploadBytes) {
        this.maxJsonBytes = maxJsonBytes;
        this.maxUploadBytes = maxUploadBytes;
    }

    public RequestSizeLimit() {
        this(65536, 268435456);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        boolean hasBody = "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
        if (!hasBody) {
            chain.doFilter(request, response);
            return;
        }
        boolean upload = request.getRequestURI().startsWith(request.getContextPath() + "/api/imports");
        long limit = upload ? maxUploadBytes : maxJsonBytes;
        long length = request.getContentLengthLong();
        if (length > limit) {
            // Read away a moderately oversize body so that the client, still sending, receives the
            // 413 instead of a reset connection; anything larger is cut off by closing the connection.
            if (length <= MAX_DRAIN_BYTES) {
                request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } else {
                response.setHeader("Connection", "close");
            }
            send(response, Problem.of(413, "Content Too Large",
                    "the request body has " + length + " bytes; this endpoint accepts at most " + limit));
            return;
        }
        // Without Content-Length and Transfer-Encoding a request has no body (RFC 9110 §8.6); only a
        // chunked body of unknown size is refused.
        if (length < 0 && !upload && request.getHeader("Transfer-Encoding") != null) {
            send(response, Problem.of(411, "Length Required",
                    "send a Content-Length header; bodies of at most " + limit + " bytes are accepted"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static void send(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(problem.toJson());
    }
}
