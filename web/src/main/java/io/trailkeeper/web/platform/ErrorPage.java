package io.trailkeeper.web.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * Renders errors the container raises outside JAX-RS (unknown paths, refused authentication,
 * uncaught servlet exceptions): problem+json under {@code /api}, a plain page elsewhere. Never
 * includes the exception, only the status.
 */
@WebServlet("/error")
public class ErrorPage extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        String path = Objects.toString(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), request.getRequestURI());
        String title = title(status);
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        if (path.startsWith(request.getContextPath() + "/api/") || path.equals(request.getContextPath() + "/api")) {
            if (status == 401) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Trailkeeper\", charset=\"UTF-8\"");
            }
            response.setContentType(Problem.MEDIA_TYPE);
            response.getWriter().write(Problem.of(status, title, detail(status)).at(path).toJson());
        } else {
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><title>" + status + " " + title
                    + " · Trailkeeper</title></head><body><h1>" + status + " " + title + "</h1><p>" + detail(status)
                    + "</p><p><a href=\"" + request.getContextPath() + "/app/dashboard.xhtml\">Back to Trailkeeper</a></p></body></html>");
        }
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            default -> "Internal Server Error";
        };
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "the request could not be understood";
            case 401 -> "sign in first";
            case 403 -> "your role does not allow this";
            case 404 -> "there is nothing at this address";
            case 405 -> "this address does not accept that method";
            case 413 -> "the request is larger than this address accepts";
            default -> "an unexpected error occurred; the server log has the details";
        };
    }
}
