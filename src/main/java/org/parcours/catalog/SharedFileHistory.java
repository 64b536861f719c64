package org.parcours.catalog;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The history of the shared files (lists, scales, policy): a row each time a file's content
 * changes, from the studio or on disk. Git-less on purpose: the forms folder may be a plain
 * mounted directory.
 */
@Component
class SharedFileHistory {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SharedFileHistory(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the content when it differs from the newest row of that file. */
    void recordIfChanged(String fileName, String content, Optional<String> publisher, Optional<String> comment) {
        String hash = FormCatalog.sha256(content);
        List<String> latest = jdbc.queryForList("SELECT content_hash FROM shared_file_version WHERE file_name = ? "
                + "ORDER BY version_number DESC LIMIT 1", String.class, fileName);
        if (!latest.isEmpty() && latest.getFirst().equals(hash)) {
            return;
        }
        Integer next = jdbc.queryForObject("SELECT COALESCE(MAX(version_number), 0) + 1 FROM shared_file_version WHERE file_name = ?",
                Integer.class, fileName);
        try {
            jdbc.update("INSERT INTO shared_file_version (file_name, version_number, content_hash, content, published_at, "
                    + "published_by, publish_comment) VALUES (?, ?, ?, ?, ?, ?, ?)", fileName, next, hash, content,
                    // stored like Hibernate stores instants: UTC local date-times (hibernate.jdbc.time_zone=UTC)
                    LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), publisher.orElse(null), comment.orElse(null));
        } catch (DataIntegrityViolationException raced) {
            // another node recorded the same change at the same moment: its row stands
        }
    }

    /** Newest first. */
    List<VersionInfo> history(String fileName) {
        return jdbc.query("SELECT id, version_number, published_at, content_hash, published_by, publish_comment "
                + "FROM shared_file_version WHERE file_name = ? ORDER BY version_number DESC", (rs, row) -> new VersionInfo(
                rs.getLong(1), rs.getInt(2), rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString(4),
                Optional.ofNullable(rs.getString(5)), Optional.ofNullable(rs.getString(6))), fileName);
    }

    Optional<String> text(String fileName, long id) {
        return jdbc.queryForList("SELECT content FROM shared_file_version WHERE id = ? AND file_name = ?", String.class, id, fileName)
                .stream().findFirst();
    }
}
