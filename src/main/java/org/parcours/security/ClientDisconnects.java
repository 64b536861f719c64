package org.parcours.security;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * A browser that went away during a request (tab closed, network lost) makes writing the answer
 * fail: that is expected and no fault of the application, so error handlers log it at debug level
 * in one line instead of as an error with a stack trace.
 */
public final class ClientDisconnects {

    /** by simple name, so that the servlet container (Tomcat, Jetty) does not matter */
    private static final Set<String> DISCONNECT_TYPES = Set.of("ClientAbortException", "AsyncRequestNotUsableException",
            "EofException", "ClosedChannelException");
    private static final Set<String> DISCONNECT_MESSAGES = Set.of("broken pipe", "connection reset", "connection was aborted",
            "an established connection was aborted");

    private ClientDisconnects() {
    }

    /** Whether the throwable, or one of its causes, says the client closed the connection. */
    public static boolean isDisconnect(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
                if (DISCONNECT_TYPES.contains(type.getSimpleName())) {
                    return true;
                }
            }
            if (t instanceof IOException && t.getMessage() != null) {
                String message = t.getMessage().toLowerCase(Locale.ROOT);
                if (DISCONNECT_MESSAGES.stream().anyMatch(message::contains)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One line for the debug log: the type and message of each cause, without a stack trace. */
    public static String describe(Throwable error) {
        StringBuilder line = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            line.append(line.isEmpty() ? "" : " <- ").append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                line.append(": ").append(t.getMessage());
            }
        }
        return line.toString();
    }
}
