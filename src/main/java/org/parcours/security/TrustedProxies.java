package org.parcours.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.catalina.Valve;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Which hops may tell the app the client's address ({@code X-Forwarded-For}) and scheme
 * ({@code X-Forwarded-Proto}): only those listed in {@code parcours.security.trusted-proxies}
 * (addresses or CIDR ranges, comma-separated; default none: the socket's address is the client's).
 * The sign-in throttle counts per client address, so a header believed from anyone (Tomcat's
 * default with {@code server.forward-headers-strategy=native} trusts every private-range hop)
 * would let a client inside the network choose its own address. Runs after Spring Boot's Tomcat
 * customizer: whatever {@code RemoteIpValve} it added is replaced by one that trusts the listed
 * proxies only. {@code server.forward-headers-strategy=framework} (trusts every sender) is refused.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final List<String> proxies;

    TrustedProxies(@Value("${parcours.security.trusted-proxies:}") String proxies,
                   @Value("${server.forward-headers-strategy:none}") String strategy) {
        if ("framework".equalsIgnoreCase(strategy.strip())) {
            throw new IllegalStateException("server.forward-headers-strategy=framework believes X-Forwarded-* from anyone: "
                    + "use parcours.security.trusted-proxies instead");
        }
        this.proxies = parse(proxies);
    }

    /** Each entry as a CIDR range (a single address gets /32 or /128); a malformed entry stops the start. */
    static List<String> parse(String setting) {
        List<String> ranges = new ArrayList<>();
        for (String entry : Arrays.stream(setting == null ? new String[0] : setting.split(",")).map(String::strip)
                .filter(e -> !e.isEmpty()).toList()) {
            String range = entry.contains("/") ? entry : entry + (entry.contains(":") ? "/128" : "/32");
            try {
                new NetMask(range);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parcours.security.trusted-proxies: '" + entry + "' is not an address or CIDR range", e);
            }
            ranges.add(range);
        }
        return List.copyOf(ranges);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        List<Valve> kept = factory.getEngineValves().stream().filter(v -> !(v instanceof RemoteIpValve)).toList();
        factory.setEngineValves(kept);
        if (!proxies.isEmpty()) {
            factory.addEngineValves(valve(proxies));
        }
    }

    static RemoteIpValve valve(List<String> ranges) {
        RemoteIpValve valve = new RemoteIpValve();
        // a comma-separated list with "/" is read by Tomcat as CIDR ranges, not as a regular expression
        valve.setInternalProxies(String.join(",", ranges));
        valve.setTrustedProxies("");
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        return valve;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
