package org.parcours.cluster;

import java.lang.management.ManagementFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This app node's name as written to the database (job runs, live form markers, ShedLock's
 * {@code locked_by}): {@code parcours.node.name}, else host name and process id.
 */
@Component
public class NodeName {

    private final String name;

    public NodeName(@Value("${parcours.node.name:}") String configured) {
        // RuntimeMXBean's name is "pid@host"; no DNS lookup at start
        String name = configured.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : configured.strip();
        this.name = name.length() > 255 ? name.substring(0, 255) : name;
    }

    public String get() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
