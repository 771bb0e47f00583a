package io.trailkeeper.web.access;

import io.trailkeeper.access.boundary.AccountDirectory;
import io.trailkeeper.access.boundary.ApiTokens;
import io.trailkeeper.access.entity.Caller;
import io.trailkeeper.access.entity.Role;
import io.trailkeeper.web.platform.Problem;
import io.trailkeeper.web.platform.SecurityHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One mechanism, two ways in. Pages: the sign-in page authenticates programmatically and the caller
 * is kept in the HTTP session; unauthenticated page requests are redirected to sign-in. REST API:
 * HTTP Basic or an API token ({@code Authorization: Bearer tkn_…}) on every request and nothing else;
 * a missing or wrong credential gets 401 problem+json.
 * Payara's {@code /metrics} is authenticated the same way.
 * The API deliberately ignores the session cookie (CSRF: another site could make a signed-in browser
 * send requests carrying it).
 *
 * <p>Both ways go through the {@link SignInThrottle}: a user name or client address with too many
 * recent failures is refused before its password is checked (the API answers 429 with
 * {@code Retry-After}, the sign-in page says to try again later).
 */
@ApplicationScoped
public class TrailkeeperAuthentication implements HttpAuthenticationMechanism {

    static final String SIGN_IN_PAGE = "/signin.xhtml";
    static final String PASSWORD_PAGE = "/app/password.xhtml";
    private static final String PASSWORD_API = "/api/me/password";
    /**
     * Payara's MicroProfile Metrics endpoint, which the hardened domain restricts to the role ADMIN: a
     * scraper authenticates like an API client, never with a page session.
     */
    private static final String METRICS = "/metrics";

    private static final String BY_TOKEN = TrailkeeperAuthentication.class.getName() + ".byToken";

    private final IdentityStoreHandler identities;
    private final SignInThrottle throttle;
    private final ApiTokens tokens;
    private final AccountDirectory accounts;

    @Inject
    public TrailkeeperAuthentication(IdentityStoreHandler identities, SignInThrottle throttle, ApiTokens tokens,
                                     AccountDirectory accounts) {
        this.identities = identities;
        this.throttle = throttle;
        this.tokens = tokens;
        this.accounts = accounts;
    }

    protected TrailkeeperAuthentication() {
        this(null, null, null, null);
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        SecurityHeaders.apply(request, response);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential) {
            return signIn(request, context, (UsernamePasswordCredential) credential);
        }
        if (path.equals("/api") || path.startsWith("/api/") || path.equals(METRICS) || path.startsWith(METRICS + "/")) {
            return api(request, response, context, path);
        }
        return page(request, context, path);
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context, UsernamePasswordCredential credential) {
        String address = throttle.addressOf(request);
        Optional<SignInRefusal> refusal = throttle.refusal(credential.getCaller(), address);
        if (refusal.isPresent()) {
            request.setAttribute(SignInRefusal.REQUEST_ATTRIBUTE, refusal.get());
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = identities.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(credential.getCaller(), address);
            return AuthenticationStatus.SEND_FAILURE;
        }
        throttle.succeeded(credential.getCaller());
        Set<String> groups = new HashSet<>(result.getCallerGroups());
        boolean mustChange = groups.remove(AccountIdentityStore.PASSWORD_CHANGE_REQUIRED);
        request.getSession(true);
        request.changeSessionId(); // no session fixation (OWASP ASVS V3.2.1)
        request.getSession().setAttribute(SignedInCaller.SESSION_ATTRIBUTE,
                new SignedInCaller(result.getCallerPrincipal().getName(), groups, mustChange));
        return context.notifyContainerAboutLogin(result.getCallerPrincipal().getName(), groups);
    }

    private AuthenticationStatus api(HttpServletRequest request, HttpServletResponse response,
                                     HttpMessageContext context, String path) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(request, response, context, path, authorization.substring(7).trim());
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return context.isProtected()
                    ? refuse(response, 401, "Unauthorized", "sign in with HTTP Basic credentials or an API token (Bearer)", path)
                    : context.doNothing();
        }
        UsernamePasswordCredential basic = decodeBasic(authorization.substring(6).trim());
        if (basic == null) {
            return refuse(response, 401, "Unauthorized", "the Authorization header is not valid HTTP Basic", path);
        }
        String address = throttle.addressOf(request);
        Optional<SignInRefusal> refusal = throttle.refusal(basic.getCaller(), address);
        if (refusal.isPresent()) {
            response.setHeader("Retry-After", Long.toString(refusal.get().retryAfterSeconds()));
            return refuse(response, 429, "Too Many Requests", SignInRefusal.DETAIL, path);
        }
        CredentialValidationResult result = identities.validate(basic);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(basic.getCaller(), address);
            return refuse(response, 401, "Unauthorized", "user name or password is not correct", path);
        }
        throttle.succeeded(basic.getCaller());
        Set<String> groups = new HashSet<>(result.getCallerGroups());
        if (groups.remove(AccountIdentityStore.PASSWORD_CHANGE_REQUIRED) && !path.equals(PASSWORD_API)) {
            return refuse(response, 403, "Forbidden",
                    "this account still has its one-time password; change it first (PUT " + PASSWORD_API + ")", path);
        }
        return context.notifyContainerAboutLogin(result.getCallerPrincipal().getName(), groups);
    }

    /**
     * An API token: one index look-up instead of a password derivation. Failures count against the
     * client address like failed sign-ins (a token has 256 random bits, so this only limits noise).
     */
    private AuthenticationStatus bearer(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context,
                                        String path, String token) {
        String address = throttle.addressOf(request);
        Optional<SignInRefusal> refusal = throttle.refusal(null, address);
        if (refusal.isPresent()) {
            response.setHeader("Retry-After", Long.toString(refusal.get().retryAfterSeconds()));
            return refuse(response, 429, "Too Many Requests", SignInRefusal.DETAIL, path);
        }
        Optional<Caller> caller = tokens.authenticate(token);
        if (caller.isEmpty()) {
            throttle.failedWithoutName(address);
            return refuse(response, 401, "Unauthorized", "the API token is not valid: unknown, expired or revoked", path);
        }
        request.setAttribute(BY_TOKEN, Boolean.TRUE);
        Set<String> groups = caller.get().roles().stream().map(Role::name).collect(Collectors.toCollection(HashSet::new));
        return context.notifyContainerAboutLogin(caller.get().username(), groups);
    }

    /** Whether the request was authenticated with an API token rather than a password. */
    static boolean byToken(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(BY_TOKEN));
    }

    private AuthenticationStatus page(HttpServletRequest request, HttpMessageContext context, String path) {
        HttpSession session = request.getSession(false);
        SignedInCaller caller = session == null ? null : (SignedInCaller) session.getAttribute(SignedInCaller.SESSION_ATTRIBUTE);
        if (caller != null) {
            // The account as it is now: a disabled account's sessions end at their next request, and
            // changed roles apply at once (SOC 2 CC6.3, timely removal of access).
            Optional<Caller> current = accounts.current(caller.username());
            if (current.isEmpty()) {
                session.invalidate();
                return context.isProtected() ? context.redirect(request.getContextPath() + SIGN_IN_PAGE) : context.doNothing();
            }
            SignedInCaller now = caller.asNow(current.get().roles().stream().map(Role::name).collect(Collectors.toSet()),
                    current.get().mustChangePassword());
            if (!now.equals(caller)) {
                caller = now;
                session.setAttribute(SignedInCaller.SESSION_ATTRIBUTE, caller);
            }
            if (caller.mustChangePassword() && context.isProtected() && !path.equals(PASSWORD_PAGE)) {
                return context.redirect(request.getContextPath() + PASSWORD_PAGE);
            }
            return context.notifyContainerAboutLogin(caller.username(), caller.groups());
        }
        if (context.isProtected()) {
            String next = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return context.redirect(request.getContextPath() + SIGN_IN_PAGE + "?next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    static UsernamePasswordCredential decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            return new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, int status, String title, String detail, String path) {
        try {
            response.setStatus(status);
            if (status == 401) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Trailkeeper\", charset=\"UTF-8\"");
            }
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Problem.of(status, title, detail).at(path).toJson());
            response.flushBuffer(); // committed: the container must not replace it with an error page
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** Marks the session's caller as having changed the one-time password. */
    static void passwordChanged(HttpSession session) {
        Object caller = session.getAttribute(SignedInCaller.SESSION_ATTRIBUTE);
        if (caller instanceof SignedInCaller signedIn) {
            session.setAttribute(SignedInCaller.SESSION_ATTRIBUTE, signedIn.passwordChanged());
        }
    }
}
