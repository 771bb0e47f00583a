package io.trailkeeper.web.access;

import io.trailkeeper.access.boundary.AccountDirectory;
import io.trailkeeper.access.entity.AccountRejected;
import io.trailkeeper.access.entity.CurrentPasswordRejected;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;

/**
 * Changing one's own password; the only page open to someone who still has a one-time password.
 * A wrong current password is a guess like a failed sign-in: it counts against the sign-in throttle,
 * and a locked-out name or address cannot change the password either (someone at an unattended,
 * signed-in browser must not be able to guess the password and take the account over).
 */
@Named
@RequestScoped
public class PasswordPage {

    @EJB
    AccountDirectory accounts;

    @Inject
    FacesContext faces;

    @Inject
    SignInThrottle throttle;

    private String currentPassword;
    private String newPassword;
    private String confirmation;

    public void change() throws IOException {
        ExternalContext external = faces.getExternalContext();
        if (newPassword == null || !newPassword.equals(confirmation)) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "The new password and its confirmation differ.", null));
            return;
        }
        String username = external.getUserPrincipal().getName();
        String address = throttle.addressOf((HttpServletRequest) external.getRequest());
        Optional<SignInRefusal> refusal = throttle.refusal(username, address);
        if (refusal.isPresent()) {
            HttpServletResponse response = (HttpServletResponse) external.getResponse();
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(refusal.get().retryAfterSeconds()));
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, SignInPage.refusedMessage(refusal.get()), null));
            return;
        }
        try {
            accounts.changePassword(username, chars(currentPassword), chars(newPassword));
        } catch (CurrentPasswordRejected e) {
            throttle.failed(username, address);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, capitalize(e.getMessage()) + ".", null));
            return;
        } catch (AccountRejected e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, capitalize(e.getMessage()) + ".", null));
            return;
        }
        TrailkeeperAuthentication.passwordChanged((HttpSession) external.getSession(false));
        external.getFlash().put("notice", "Your password was changed.");
        external.redirect(external.getRequestContextPath() + SignInPage.HOME);
        faces.responseComplete();
    }

    private static char[] chars(String value) {
        return value == null ? new char[0] : value.toCharArray();
    }

    private static String capitalize(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    public String getCurrentPassword() { return currentPassword; }
    public void setCurrentPassword(String value) { this.currentPassword = value; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String value) { this.newPassword = value; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String value) { this.confirmation = value; }
}
