package org.parcours.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

/**
 * The setting {@code parcours.security.trusted-proxies} turned into Tomcat's RemoteIpValve (the
 * HTTP side, a spoofed header from an untrusted address ignored, is in SecurityHttpTests).
 */
class TrustedProxiesTests {

    @Test
    void addressesBecomeSingleAddressRangesAndRangesStay() {
        assertThat(TrustedProxies.parse(" 10.0.0.5, 192.168.7.0/24 ,::1,")).containsExactly("10.0.0.5/32", "192.168.7.0/24", "::1/128");
        assertThat(TrustedProxies.parse("")).isEmpty();
    }

    @Test
    void aMalformedEntryStopsTheStart() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.5, haproxy")).hasMessageContaining("'haproxy'");
        assertThatThrownBy(() -> new TrustedProxies("", "framework")).hasMessageContaining("trusted-proxies");
    }

    @Test
    void withoutTrustedProxiesSpringBootsValveIsRemoved() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        RemoteIpValve bootsOwn = new RemoteIpValve();
        factory.addEngineValves(bootsOwn);

        new TrustedProxies("", "native").customize(factory);

        assertThat(factory.getEngineValves()).noneMatch(v -> v instanceof RemoteIpValve);
    }

    @Test
    void withTrustedProxiesOnlyTheyAreBelieved() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        factory.addEngineValves(new RemoteIpValve());

        new TrustedProxies("172.28.0.10", "native").customize(factory);

        assertThat(factory.getEngineValves()).singleElement().isInstanceOfSatisfying(RemoteIpValve.class, valve -> {
            assertThat(valve.getInternalProxies()).isEqualTo("172.28.0.10/32");
            assertThat(valve.getRemoteIpHeader()).isEqualToIgnoringCase("X-Forwarded-For");
            assertThat(valve.getProtocolHeader()).isEqualToIgnoringCase("X-Forwarded-Proto");
        });
    }
}
