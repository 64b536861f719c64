package org.parcours.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application in a JVM of its own (as in production: its own heap, here {@code -Xmx1g}),
 * started from the test class path so that it gets a fresh MariaDB schema of its own like any test
 * run (TestDatabaseEnvironmentPostProcessor; dropped when it stops). Its output goes to a log file
 * under target/. Heap figures are read from outside with jcmd, after full collections.
 */
public final class ForkedApp implements AutoCloseable {

    private static final Pattern SCHEMA = Pattern.compile("to schema `([^`]+)`");
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    final Process process;
    public final int port;
    public final Path log;
    /** Whether the application runs in Vaadin production mode (checked in its log once started). */
    boolean productionMode;

    private ForkedApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the application with these JVM options and arguments; returns once {@code readyLine} is in its log. */
    static ForkedApp start(List<String> jvmOptions, List<String> arguments, String readyLine, Duration timeout)
            throws IOException, InterruptedException {
        return start("bench-app-", jvmOptions, arguments, java.util.Map.of(), readyLine, timeout);
    }

    /** As above, with the log in {@code target/<logPrefix><port>.log}. */
    public static ForkedApp start(String logPrefix, List<String> jvmOptions, List<String> arguments, String readyLine, Duration timeout)
            throws IOException, InterruptedException {
        return start(logPrefix, jvmOptions, arguments, java.util.Map.of(), readyLine, timeout);
    }

    /**
     * As above, with extra environment variables (the fault harnesses point
     * {@code PARCOURS_TEST_DB_URL} at a server of their own and keep a schema across restarts with
     * {@code -Dparcours.test.db.schema=...}).
     */
    public static ForkedApp start(String logPrefix, List<String> jvmOptions, List<String> arguments, java.util.Map<String, String> environment,
                                  String readyLine, Duration timeout) throws IOException, InterruptedException {
        return start(logPrefix, jvmOptions, arguments, environment, readyLine, timeout, null);
    }

    /**
     * As {@link #start(List, List, String, Duration)}, in Vaadin production mode on the committed
     * production bundle (ProductionBundle), as a packaged jar runs.
     */
    static ForkedApp startInProductionMode(List<String> jvmOptions, List<String> arguments, String readyLine, Duration timeout)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(ProductionBundle.JVM_OPTIONS);
        return start("bench-app-", options, arguments, java.util.Map.of(), readyLine, timeout, ProductionBundle.folder());
    }

    private static ForkedApp start(String logPrefix, List<String> jvmOptions, List<String> arguments, java.util.Map<String, String> environment,
                                   String readyLine, Duration timeout, Path classPathFirst) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Path.of("target", logPrefix + port + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPathFirst == null ? classPath() : classPathFirst + java.io.File.pathSeparator + classPath());
        command.add("org.parcours.ParcoursApplication");
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        ForkedApp app = new ForkedApp(process, port, log);
        app.productionMode = classPathFirst != null;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!app.logText().contains(readyLine)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application stopped while starting; see " + log + ":\n" + app.tail());
            }
            if (System.nanoTime() > deadline) {
                app.close();
                throw new IllegalStateException("The application was not ready after " + timeout + "; see " + log);
            }
            Thread.sleep(500);
        }
        if (app.productionMode && !app.logText().contains("Vaadin is running in production mode")) {
            app.close();
            throw new IllegalStateException("The application did not start in production mode; see " + log);
        }
        return app;
    }

    /** A loopback port free at the moment of the call. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Ends the process at once with SIGKILL, as a crashed machine would: no shutdown hook, no clean close. */
    public void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The application " + pid() + " survived SIGKILL for 30 s");
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** A connection to the application's own schema (read from its Flyway log line). */
    Connection database() throws IOException, SQLException {
        Matcher m = SCHEMA.matcher(logText());
        if (!m.find()) {
            throw new IllegalStateException("No schema in " + log);
        }
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + m.group(1), "root", "");
    }

    /** Heap in use after two full collections, in bytes (jcmd GC.run, GC.heap_info). */
    long usedHeapAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        Thread.sleep(300);
        jcmd("GC.run");
        Matcher m = USED.matcher(jcmd("GC.heap_info"));
        if (!m.find()) {
            throw new IllegalStateException("No 'used' figure in jcmd GC.heap_info");
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    /** Instances of exactly this class on the heap (jcmd GC.class_histogram), 0 when none. */
    long instances(String className) throws IOException, InterruptedException {
        for (String line : jcmd("GC.class_histogram").lines().toList()) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 4 && parts[3].equals(className)) {
                return Long.parseLong(parts[1]);
            }
        }
        return 0;
    }

    String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid()), command)
                .redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        if (!jcmd.waitFor(120, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }

    public String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public String tail() throws IOException {
        String text = logText();
        return text.substring(Math.max(0, text.length() - 3000));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: the schema is dropped by the application's shutdown hook
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** The test class path (surefire passes it in a manifest-only jar; it also sets it as a property). */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
