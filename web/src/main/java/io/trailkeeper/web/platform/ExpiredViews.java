package io.trailkeeper.web.platform;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * A form posted with a view state the server does not hold (the session expired, the server
 * restarted, or the state was forged) is the client's condition, not a server fault: the browser is
 * sent to a fresh copy of the same page by GET, which asks for sign-in again when the session is
 * gone. Nothing of the post is acted on.
 */
public class ExpiredViews extends ExceptionHandlerFactory {

    /** Only the application's own pages are redirected to; anything else goes to the sign-in page. */
    private static final Pattern OWN_PAGE = Pattern.compile("/(app/)?[a-z-]+\\.xhtml");

    public ExpiredViews(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Redirecting(getWrapped().getExceptionHandler());
    }

    static String target(String viewId) {
        return viewId != null && OWN_PAGE.matcher(viewId).matches() ? viewId : "/signin.xhtml";
    }

    private static final class Redirecting extends ExceptionHandlerWrapper {

        Redirecting(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() throws FacesException {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                ViewExpiredException expired = expired(events.next().getContext().getException());
                if (expired == null) {
                    continue;
                }
                FacesContext faces = FacesContext.getCurrentInstance();
                ExternalContext external = faces.getExternalContext();
                try {
                    external.redirect(external.getRequestContextPath() + target(expired.getViewId()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                faces.responseComplete();
                events.remove();
            }
            getWrapped().handle();
        }

        private static ViewExpiredException expired(Throwable thrown) {
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                if (t instanceof ViewExpiredException expired) {
                    return expired;
                }
            }
            return null;
        }
    }
}
