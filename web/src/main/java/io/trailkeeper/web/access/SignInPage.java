package io.trailkeeper.web.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The sign-in form. After signing in, the person goes back to the page they asked for. */
@Named
@RequestScoped
public class SignInPage {

    static final String HOME = "/app/dashboard.xhtml";

    private final SecurityContext security;
    private final FacesContext faces;
    private String username;
    private String password;
    private String next;

    @Inject
    public SignInPage(SecurityContext security, FacesContext faces) {
        this.security = security;
        this.faces = faces;
    }

    protected SignInPage() {
        this(null, null);
    }

    public void signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username, new Password(password == null ? "" : password))));
        password = null;
        switch (status) {
            case SUCCESS -> {
                external.redirect(external.getRequestContextPath() + safeNext(next));
                faces.responseComplete();
            }
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                if (external.getRequestMap().get(SignInRefusal.REQUEST_ATTRIBUTE) instanceof SignInRefusal refusal) {
                    HttpServletResponse response = (HttpServletResponse) external.getResponse();
                    response.setStatus(429);
                    response.setHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
                    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusedMessage(refusal), null));
                } else {
                    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                            "User name or password is not correct.", null));
                }
            }
        }
    }

    /** The same words whether the name has an account or not, and whether the name or the address is locked. */
    static String refusedMessage(SignInRefusal refusal) {
        long minutes = refusal.retryAfterMinutes();
        return "Too many failed sign-ins with this user name or from your network. Please try again later, in "
                + (minutes == 1 ? "about a minute." : "about " + minutes + " minutes.");
    }

    /** Only paths inside this application: an open redirect would help phishing (OWASP ASVS V5.1.5). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(Character::isISOControl)
                || next.startsWith("/api") || next.startsWith(TrailkeeperAuthentication.SIGN_IN_PAGE)) {
            return HOME;
        }
        return next;
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
}
