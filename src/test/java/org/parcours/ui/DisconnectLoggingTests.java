package org.parcours.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

import com.vaadin.flow.server.ErrorEvent;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * A browser tab closed during a request is not an error of the application: the UI's error
 * handler logs such a disconnect at debug level, in one line without a stack trace; anything else
 * is still an error with its stack trace.
 */
class DisconnectLoggingTests {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ErrorHandling.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level level;

    @BeforeEach
    void capture() {
        level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        logger.setLevel(level);
    }

    @Test
    void expectedDisconnectsAreLoggedAtDebugWithoutAStackTrace() {
        List<Throwable> disconnects = List.of(
                new ClientAbortException(new IOException("Broken pipe")),
                new AsyncRequestNotUsableException("ServletOutputStream failed to flush: java.io.IOException: Broken pipe"),
                new IOException("Broken pipe"),
                new IOException("Connection reset by peer"),
                new IllegalStateException("writing the response", new IOException("Connection reset")));
        for (Throwable disconnect : disconnects) {
            appender.list.clear();

            ErrorHandling.HANDLER.error(new ErrorEvent(disconnect));

            assertThat(appender.list).as("log of %s", disconnect).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
                assertThat(event.getThrowableProxy()).as("stack trace").isNull();
                assertThat(event.getFormattedMessage()).doesNotContain("Unexpected error");
            });
        }
    }

    @Test
    void otherExceptionsStayErrorsWithTheirStackTrace() {
        ErrorHandling.HANDLER.error(new ErrorEvent(new IOException("No space left on device")));

        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("Unexpected error in the UI");
            assertThat(event.getThrowableProxy()).isNotNull();
        });
    }
}
