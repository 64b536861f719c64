package org.parcours.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.parcours.bench.ForkedApp;

/**
 * A MariaDB Galera cluster of a few {@code mariadbd} processes on loopback, each with its own data
 * folder and ports (client, group communication, IST, SST), for the Galera harness: the first
 * node is bootstrapped on a fresh data folder, the others join it with a mariabackup state
 * transfer (rsync cannot write into root's folders here). A killed node rejoins as an operator's
 * start script would: its last committed position is recovered from InnoDB first
 * ({@code --wsrep-recover}), so the cluster can send it only what it missed (IST) instead of a
 * full copy. Every wait is bounded; {@link #close()} stops every process and deletes the folders.
 */
final class GaleraCluster implements AutoCloseable {

    static final String PROVIDER = "/usr/lib/galera/libgalera_smm.so";
    private static final Pattern RECOVERED = Pattern.compile("Recovered position: ([0-9a-f-]+:-?\\d+)");

    /** One database node: its ports and, while it runs, its process. */
    static final class Node {
        final String name;
        final Path dir;
        final int port;
        final int gcomm;
        final int ist;
        final int sst;
        Process process;
        int starts;

        Node(String name, Path dir) throws IOException {
            this.name = name;
            this.dir = dir;
            this.port = ForkedApp.freePort();
            this.gcomm = ForkedApp.freePort();
            this.ist = ForkedApp.freePort();
            this.sst = ForkedApp.freePort();
        }

        Path log() {
            return dir.resolveSibling(name + "-" + starts + ".log");
        }

        String logText() throws IOException {
            return Files.exists(log()) ? Files.readString(log()) : "";
        }

        boolean isAlive() {
            return process != null && process.isAlive();
        }

        @Override
        public String toString() {
            return name + " (port " + port + ")";
        }
    }

    final List<Node> nodes = new ArrayList<>();
    private final Path base;

    private GaleraCluster(Path base) {
        this.base = base;
    }

    /** Folders and ports for {@code size} nodes, none started. */
    static GaleraCluster create(Path base, int size) throws IOException {
        Files.createDirectories(base);
        GaleraCluster cluster = new GaleraCluster(base);
        for (int i = 1; i <= size; i++) {
            Path dir = base.resolve("db" + i);
            Files.createDirectories(dir);
            cluster.nodes.add(new Node("db" + i, dir));
        }
        return cluster;
    }

    Node node(int i) {
        return nodes.get(i - 1);
    }

    /** The first node on a fresh data folder, as a new cluster; then {@code setupSql} on it. */
    void bootstrap(Node node, Duration timeout, String... setupSql) throws Exception {
        Process install = new ProcessBuilder("mariadb-install-db", "--no-defaults", "--datadir=" + node.dir, "--user=root",
                "--auth-root-authentication-method=normal").redirectErrorStream(true)
                .redirectOutput(base.resolve(node.name + "-install.log").toFile()).start();
        if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
            install.destroyForcibly();
            throw new IllegalStateException("mariadb-install-db failed: " + Files.readString(base.resolve(node.name + "-install.log")));
        }
        start(node, "gcomm://", List.of());
        awaitSynced(node, timeout);
        try (Connection db = connect(node, ""); Statement st = db.createStatement()) {
            for (String sql : setupSql) {
                st.execute(sql);
            }
        }
    }

    /** A node joins the running ones: a full state transfer (mariabackup) into its empty folder. */
    void join(Node node, Duration timeout) throws Exception {
        start(node, clusterAddressWithout(node), List.of());
        awaitSynced(node, timeout);
    }

    /** SIGKILL, as a crashed machine: no clean shutdown, the data folder as the crash left it. */
    void kill(Node node) throws InterruptedException {
        node.process.destroyForcibly();
        if (!node.process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(node + " survived SIGKILL for 30 s");
        }
    }

    /**
     * Starts a killed node again on its data folder: recovers its position, then joins; returns how
     * it caught up ("IST" when the others sent only the missed write sets, "SST" for a full copy).
     */
    String rejoin(Node node, Duration timeout) throws Exception {
        node.starts++;
        Path recoverLog = base.resolve(node.name + "-recover.log");
        List<String> recover = new ArrayList<>(arguments(node, "gcomm://"));
        recover.add("--wsrep-recover");
        recover.add("--log-error=" + recoverLog);
        Process p = new ProcessBuilder(recover).redirectErrorStream(true).redirectOutput(base.resolve(node.name + "-recover.out").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("--wsrep-recover of " + node + " did not end in 120 s");
        }
        Matcher m = RECOVERED.matcher(Files.exists(recoverLog) ? Files.readString(recoverLog) : "");
        List<String> extra = m.find() ? List.of("--wsrep_start_position=" + m.group(1)) : List.of();
        start(node, clusterAddressWithout(node), extra);
        awaitSynced(node, timeout);
        String log = node.logText();
        return log.contains("received from donor: Running IST") ? "IST" : "SST";
    }

    private String clusterAddressWithout(Node node) {
        return "gcomm://" + String.join(",", nodes.stream().filter(n -> n != node).map(n -> "127.0.0.1:" + n.gcomm).toList());
    }

    private void start(Node node, String clusterAddress, List<String> extra) throws IOException {
        List<String> command = new ArrayList<>(arguments(node, clusterAddress));
        command.addAll(extra);
        node.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(node.log().toFile()).start();
    }

    /**
     * The settings of docs/cluster.md on loopback ports. Only options that mariabackup also accepts:
     * the donor passes the server's arguments on to it, and it refuses one it does not know (an
     * {@code --innodb-buffer-pool-size} made every state transfer fail). Group timeouts are
     * shortened so a killed node is evicted in seconds.
     */
    private static List<String> arguments(Node node, String clusterAddress) {
        return List.of("mariadbd", "--no-defaults", "--datadir=" + node.dir, "--user=root", "--port=" + node.port,
                "--bind-address=127.0.0.1", "--socket=" + node.dir.resolveSibling(node.name + ".sock"),
                "--pid-file=" + node.dir.resolveSibling(node.name + ".pid"), "--skip-name-resolve",
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci", "--default-time-zone=+00:00",
                "--wsrep_on=ON", "--wsrep_provider=" + PROVIDER, "--wsrep_cluster_address=" + clusterAddress,
                "--wsrep_cluster_name=parcours-test", "--wsrep_node_name=" + node.name,
                "--wsrep_provider_options=gmcast.listen_addr=tcp://127.0.0.1:" + node.gcomm + ";ist.recv_addr=127.0.0.1:" + node.ist
                        + ";gcache.size=64M",
                "--wsrep_node_address=127.0.0.1:" + node.gcomm, "--wsrep_sst_receive_address=127.0.0.1:" + node.sst,
                "--wsrep_sst_method=mariabackup", "--wsrep_sst_auth=root:", "--binlog_format=ROW",
                "--innodb_autoinc_lock_mode=2", "--default-storage-engine=InnoDB");
    }

    /** Until the node is Synced and ready for clients (wsrep_ready ON). */
    void awaitSynced(Node node, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!node.isAlive()) {
                throw new IllegalStateException(node + " stopped while starting: " + tail(node.logText()));
            }
            try (Connection db = connect(node, "")) {
                if ("Synced".equals(status(db, "wsrep_local_state_comment")) && "ON".equals(status(db, "wsrep_ready"))) {
                    return;
                }
            } catch (SQLException notYet) {
                // not listening yet, or still receiving its state
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(node + " not synced after " + timeout + ": " + tail(node.logText()));
            }
            Thread.sleep(300);
        }
    }

    /** A direct connection to one node (the harness's view, not the application's). */
    static Connection connect(Node node, String schema) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + node.port + "/" + schema + "?connectTimeout=2000&socketTimeout=30000",
                "root", "");
    }

    static String status(Connection db, String variable) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS LIKE '" + variable + "'")) {
            return rs.next() ? rs.getString(2) : "";
        }
    }

    private static String tail(String text) {
        return text.substring(Math.max(0, text.length() - 2500));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (Node node : nodes) {
            if (node.isAlive()) {
                node.process.destroy();
            }
        }
        for (Node node : nodes) {
            if (node.process != null && !node.process.waitFor(30, TimeUnit.SECONDS)) {
                node.process.destroyForcibly();
                node.process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        for (Node node : nodes) {
            if (Files.exists(node.dir)) {
                try (Stream<Path> files = Files.walk(node.dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }
}
