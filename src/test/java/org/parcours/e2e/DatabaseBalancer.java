package org.parcours.e2e;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.parcours.bench.ForkedApp;

/**
 * HAProxy in TCP mode in front of the Galera nodes, one listener per app node (as when each app
 * host runs its own balancer): one writer at a time (the first node, the others as backups),
 * health check by a MySQL handshake ({@code option mysql-check}), sessions of a node marked down
 * cut at once, and a one-entry stick table so that all connections stay on the node in use and do
 * not move back when a failed node returns (which would briefly make two writers). The runtime
 * API (a stats socket) lets the harness take a node out of one listener only: the two app nodes
 * then write to different database nodes, the set-up in which Galera certification conflicts
 * reach the users' saves.
 */
final class DatabaseBalancer implements AutoCloseable {

    /** The user of the health check: no password, no rights (created on the cluster before the check starts). */
    static final String CHECK_USER = "haproxy_check";

    final int portA;
    final int portB;
    private final Process process;
    private final Path socket;
    final Path log;

    private DatabaseBalancer(int portA, int portB, Process process, Path socket, Path log) {
        this.portA = portA;
        this.portB = portB;
        this.process = process;
        this.socket = socket;
        this.log = log;
    }

    static DatabaseBalancer start(List<GaleraCluster.Node> nodes, Path dir) throws IOException {
        int portA = ForkedApp.freePort();
        int portB = ForkedApp.freePort();
        Path socket = dir.resolve("db-haproxy.sock");
        StringBuilder config = new StringBuilder("""
                global
                    log stdout format raw local0 info
                    stats socket %s mode 600 level admin
                defaults
                    mode tcp
                    log global
                    option tcplog
                    timeout connect 2s
                    timeout client 10m
                    timeout server 10m
                    timeout check 2s
                """.formatted(socket));
        for (String app : List.of("a", "b")) {
            config.append("""
                    listen db_%s
                        bind 127.0.0.1:%d
                        option mysql-check user %s post-41
                        stick-table type integer size 1
                        stick on int(1)
                        default-server inter 500ms fall 2 rise 2 on-marked-down shutdown-sessions
                    """.formatted(app, app.equals("a") ? portA : portB, CHECK_USER));
            for (int i = 0; i < nodes.size(); i++) {
                GaleraCluster.Node node = nodes.get(i);
                config.append("    server ").append(node.name).append(" 127.0.0.1:").append(node.port).append(" check")
                        .append(i == 0 ? "" : " backup").append('\n');
            }
        }
        Path cfg = dir.resolve("db-haproxy.cfg");
        Files.writeString(cfg, config);
        Path log = dir.resolve("db-haproxy.log");
        Process process = new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", cfg.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new DatabaseBalancer(portA, portB, process, socket, log);
    }

    /** A command of HAProxy's runtime API; its answer. */
    String command(String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            StringBuilder answer = new StringBuilder();
            while (channel.read(buffer) > 0) {
                buffer.flip();
                answer.append(StandardCharsets.UTF_8.decode(buffer));
                buffer.clear();
            }
            return answer.toString().strip();
        }
    }

    /** HAProxy's own log (servers marked down and up). */
    String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "database HAProxy on ports " + portA + " and " + portB;
    }
}
