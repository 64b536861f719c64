package org.parcours.submissions;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one storage of filled forms (decision 0017): a submission of a kind for a client on a form
 * version, its revisions (draft, then submitted and immutable) and their answers as rows. Each
 * feature keeps its own lifecycle beside it (an evaluation's amendments, an aid request's
 * decisions per scheme, a contract's signatures, evaluation, renewal and end) and stores its
 * answers here. No access check and no audit here: the feature's service checks the client and
 * records what the user did. Changes are flushed at once, so a change based on an outdated
 * revision fails here ({@link StaleRevisionException}).
 */
@Service
public class SubmissionStorage {

    private final SubmissionRepository submissions;
    private final SubmissionRevisionRepository revisions;
    private final JdbcTemplate jdbc;

    SubmissionStorage(SubmissionRepository submissions, SubmissionRevisionRepository revisions, JdbcTemplate jdbc) {
        this.submissions = submissions;
        this.revisions = revisions;
        this.jdbc = jdbc;
    }

    /**
     * A new submission with its first revision, a draft holding {@code answers}: three statements
     * (the submission, the revision, the answers as one JDBC batch), written beside the
     * persistence context since nothing here reads them back; a later read in the same
     * transaction (submitting it at once) loads them as stored.
     */
    @Transactional
    public StoredForm create(SubmissionKind kind, long clientId, long formVersionId, Map<String, String> answers, Instant now,
                             String author) {
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC); // as Hibernate writes an Instant (jdbc.time_zone=UTC)
        long submissionId = insert("""
                INSERT INTO submission (kind, client_id, form_version_id, created_at, created_by, updated_at, updated_by, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0)""", kind.name(), clientId, formVersionId, at, author, at, author);
        long revisionId = insert("""
                INSERT INTO submission_revision (submission_id, revision_number, status, reason, created_at, created_by,
                updated_at, updated_by, submitted_at, submitted_by, version) VALUES (?, 1, ?, NULL, ?, ?, ?, ?, NULL, NULL, 0)""",
                submissionId, RevisionStatus.DRAFT.name(), at, author, at, author);
        List<Object[]> rows = new ArrayList<>(answers.size());
        answers.forEach((item, value) -> rows.add(new Object[] {revisionId, item, value}));
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO submission_answer (revision_id, item_id, answer_value) VALUES (?, ?, ?)", rows);
        }
        return new StoredForm(new StoredSubmission(submissionId, kind, clientId, formVersionId, now, author, now, author),
                new StoredRevision(revisionId, submissionId, 1, RevisionStatus.DRAFT, Optional.empty(), now, author, now, author,
                        Optional.empty(), Optional.empty(), 0, answers));
    }

    /** Runs an insert, returning the generated id. */
    private long insert(String sql, Object... args) {
        return jdbc.execute((java.sql.Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < args.length; i++) {
                    statement.setObject(i + 1, args[i]);
                }
                statement.executeUpdate();
                try (ResultSet key = statement.getGeneratedKeys()) {
                    if (!key.next()) {
                        throw new IllegalStateException("no generated id for " + sql);
                    }
                    return key.getLong(1);
                }
            }
        });
    }

    @Transactional(readOnly = true)
    public Optional<StoredSubmission> find(SubmissionKind kind, long submissionId) {
        return submissions.findById(submissionId).filter(s -> s.getKind() == kind).map(Submission::stored);
    }

    /** The client's submissions of a kind, newest first. */
    @Transactional(readOnly = true)
    public List<StoredSubmission> ofClient(SubmissionKind kind, long clientId) {
        return submissions.findByKindAndClientIdOrderByCreatedAtDesc(kind, clientId).stream().map(Submission::stored).toList();
    }

    /** The clients' submissions of a kind, newest first. */
    @Transactional(readOnly = true)
    public List<StoredSubmission> ofClients(SubmissionKind kind, Collection<Long> clientIds) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        return submissions.findByKindAndClientIdInOrderByCreatedAtDesc(kind, clientIds).stream().map(Submission::stored).toList();
    }

    /** The submission's latest revision (the one being drafted, or the last submitted). */
    @Transactional(readOnly = true)
    public StoredRevision latest(long submissionId) {
        return revisions.findFirstBySubmissionIdOrderByNumberDesc(submissionId).map(SubmissionRevision::stored)
                .orElseThrow(() -> new IllegalStateException("submission " + submissionId + " has no revision"));
    }

    /** Per submission, its latest revision with its answers, in one statement. */
    @Transactional(readOnly = true)
    public Map<Long, StoredRevision> latestOf(Collection<Long> submissionIds) {
        if (submissionIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, StoredRevision> latest = new HashMap<>();
        for (StoredForm f : withAnswers("s.id IN (" + marks(submissionIds) + ") AND r.revision_number = (SELECT MAX(r2.revision_number)"
                + " FROM submission_revision r2 WHERE r2.submission_id = r.submission_id)", "r.id", new ArrayList<>(submissionIds))) {
            latest.putIfAbsent(f.submission().id(), f.revision());
        }
        return latest;
    }

    @Transactional(readOnly = true)
    public Optional<StoredRevision> revision(long submissionId, int number) {
        return revisions.findBySubmissionIdAndNumber(submissionId, number).map(SubmissionRevision::stored);
    }

    /** The submission's revisions, first first. */
    @Transactional(readOnly = true)
    public List<StoredRevision> revisions(long submissionId) {
        return revisions.findBySubmissionIdOrderByNumberAsc(submissionId).stream().map(SubmissionRevision::stored).toList();
    }

    /**
     * Replaces the answers of the latest revision, a draft, if it is still at {@code lockVersion};
     * refused when it is submitted or someone else changed it meanwhile.
     */
    @Transactional
    public StoredRevision saveDraft(long submissionId, long lockVersion, Map<String, String> answers, Instant now, String author) {
        SubmissionRevision revision = editableDraft(submissionId, lockVersion);
        revision.replaceAnswers(answers, now, author);
        touch(submissionId, now, author);
        return revision.stored();
    }

    /** Submits (freezes) the latest revision, a draft still at {@code lockVersion}. */
    @Transactional
    public StoredRevision submit(long submissionId, long lockVersion, Instant now, String author) {
        SubmissionRevision revision = editableDraft(submissionId, lockVersion);
        revision.submit(now, author);
        touch(submissionId, now, author);
        return revision.stored();
    }

    /**
     * A new draft revision after the latest one, which must be submitted: an amendment with its
     * reason, starting from {@code answers}.
     */
    @Transactional
    public StoredRevision addRevision(long submissionId, String reason, Map<String, String> answers, Instant now, String author) {
        SubmissionRevision last = revisions.findFirstBySubmissionIdOrderByNumberDesc(submissionId)
                .orElseThrow(() -> new IllegalStateException("submission " + submissionId + " has no revision"));
        if (last.getStatus() != RevisionStatus.SUBMITTED) {
            throw new IllegalStateException("submission " + submissionId + " already has a draft revision");
        }
        SubmissionRevision added = revisions.save(new SubmissionRevision(submissionId, last.getNumber() + 1, reason, answers, now, author));
        touch(submissionId, now, author);
        return added.stored();
    }

    /** Records that someone changed the submission's own lifecycle (kept beside it by its feature). */
    @Transactional
    public void touch(long submissionId, Instant now, String author) {
        submissions.findById(submissionId).orElseThrow().touch(now, author);
        flush(submissionId);
    }

    /**
     * Per submission of a kind of these clients on any version of a form, its latest submitted
     * revision with its answers, newest submission first; one statement.
     */
    @Transactional(readOnly = true)
    public List<StoredForm> latestSubmitted(SubmissionKind kind, Collection<Long> clientIds, String formKey) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(kind.name());
        args.addAll(clientIds);
        args.add(formKey);
        return withAnswers("s.kind = ? AND s.client_id IN (" + marks(clientIds) + ")"
                + " AND s.form_version_id IN (SELECT v.id FROM form_version v WHERE v.form_key = ?)"
                + " AND r.status = 'SUBMITTED' AND r.revision_number = (SELECT MAX(r2.revision_number) FROM submission_revision r2"
                + " WHERE r2.submission_id = r.submission_id AND r2.status = 'SUBMITTED')",
                "r.submitted_at DESC, r.submission_id DESC", args);
    }

    /** The submissions of a kind of these clients whose latest revision is a draft, with it; the last changed first. */
    @Transactional(readOnly = true)
    public List<StoredForm> drafts(SubmissionKind kind, Collection<Long> clientIds) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(kind.name());
        args.addAll(clientIds);
        return withAnswers("s.kind = ? AND s.client_id IN (" + marks(clientIds) + ") AND r.status = 'DRAFT'",
                "s.updated_at DESC, s.id DESC", args);
    }

    /**
     * Revisions with their submission and answers, one row per answer read with JDBC: these are
     * the reads of many forms at once (a committee's histories, a worklist), whose rows become
     * records at once; as entities each would be kept and checked for changes until the
     * transaction ends. Times are read as Hibernate writes them (UTC).
     */
    private List<StoredForm> withAnswers(String where, String orderBy, List<Object> args) {
        Map<Long, StoredForm> byRevision = new LinkedHashMap<>();
        Map<Long, Map<String, String>> answers = new HashMap<>();
        jdbc.query("""
                SELECT s.id, s.kind, s.client_id, s.form_version_id, s.created_at, s.created_by, s.updated_at, s.updated_by,
                  r.id, r.revision_number, r.status, r.reason, r.created_at, r.created_by, r.updated_at, r.updated_by,
                  r.submitted_at, r.submitted_by, r.version, a.item_id, a.answer_value
                FROM submission_revision r JOIN submission s ON s.id = r.submission_id
                  LEFT JOIN submission_answer a ON a.revision_id = r.id
                WHERE\s""" + where + " ORDER BY " + orderBy, (java.sql.ResultSet rs) -> {
            long revisionId = rs.getLong(9);
            Map<String, String> of = answers.computeIfAbsent(revisionId, id -> new HashMap<>());
            if (!byRevision.containsKey(revisionId)) {
                StoredSubmission submission = new StoredSubmission(rs.getLong(1), SubmissionKind.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getLong(4), utc(rs, 5), rs.getString(6), utc(rs, 7), rs.getString(8));
                byRevision.put(revisionId, new StoredForm(submission, new StoredRevision(revisionId, submission.id(), rs.getInt(10),
                        RevisionStatus.valueOf(rs.getString(11)), Optional.ofNullable(rs.getString(12)), utc(rs, 13), rs.getString(14),
                        utc(rs, 15), rs.getString(16), Optional.ofNullable(utc(rs, 17)), Optional.ofNullable(rs.getString(18)),
                        rs.getLong(19), of)));
            }
            String item = rs.getString(20);
            if (item != null) {
                of.put(item, rs.getString(21));
            }
        }, args.toArray());
        // the records were made before their answers were all read: made again, with them
        return byRevision.values().stream().map(f -> new StoredForm(f.submission(), withAnswers(f.revision(), answers.get(f.revision().id()))))
                .toList();
    }

    private static StoredRevision withAnswers(StoredRevision r, Map<String, String> answers) {
        return new StoredRevision(r.id(), r.submissionId(), r.number(), r.status(), r.reason(), r.createdAt(), r.createdBy(), r.updatedAt(),
                r.updatedBy(), r.submittedAt(), r.submittedBy(), r.lockVersion(), answers);
    }

    private static Instant utc(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        LocalDateTime at = rs.getObject(column, LocalDateTime.class);
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }

    private static String marks(Collection<?> values) {
        return String.join(",", java.util.Collections.nCopies(values.size(), "?"));
    }

    /** The ids of the submissions of a kind of these clients that have a submitted revision (answers not read). */
    @Transactional(readOnly = true)
    public List<Long> submittedIds(SubmissionKind kind, Collection<Long> clientIds) {
        return clientIds.isEmpty() ? List.of() : revisions.submittedIds(kind, clientIds);
    }

    /** Per client, the day its last revision of a submission of a kind on one of these form versions was submitted. */
    @Transactional(readOnly = true)
    public Map<Long, LocalDate> lastSubmittedDates(SubmissionKind kind, Collection<Long> clientIds, Collection<Long> versionIds) {
        if (clientIds.isEmpty() || versionIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, LocalDate> dates = new HashMap<>();
        for (Object[] row : revisions.lastSubmitted(kind, clientIds, versionIds)) {
            dates.put((Long) row[0], LocalDate.ofInstant((Instant) row[1], ZoneOffset.UTC));
        }
        return dates;
    }

    /**
     * Per client, the day of its newest measurement among its submissions of a kind on these form
     * versions: the latest submitted revision's answer at the item its version binds to the
     * measurement date ({@code dateItems}: version id to item path, for the versions that bind one),
     * else, unanswered or not a date, the day (UTC) it was submitted. One statement that reads one
     * answer per submission, not all of them.
     */
    @Transactional(readOnly = true)
    public Map<Long, LocalDate> lastMeasuredDates(SubmissionKind kind, Collection<Long> clientIds, Collection<Long> versionIds,
                                                  Map<Long, String> dateItems) {
        if (clientIds.isEmpty() || versionIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> bound = new HashMap<>(dateItems);
        bound.keySet().retainAll(versionIds);
        if (bound.isEmpty()) {
            return lastSubmittedDates(kind, clientIds, versionIds);
        }
        List<String> keys = bound.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList();
        Map<Long, LocalDate> dates = new HashMap<>();
        for (Object[] row : revisions.lastSubmittedWithDate(kind.name(), clientIds, versionIds, java.util.Set.copyOf(bound.values()), keys)) {
            LocalDate day = measuredOn((String) row[2]).orElseGet(() -> LocalDate.ofInstant(instant(row[1]), ZoneOffset.UTC));
            dates.merge(((Number) row[0]).longValue(), day, (a, b) -> a.isAfter(b) ? a : b);
        }
        return dates;
    }

    /** A measurement date answer as forms read it: an ISO date, blanks around it ignored. */
    private static Optional<LocalDate> measuredOn(String answer) {
        if (answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(answer.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case java.sql.Timestamp t -> t.toInstant();
            case java.time.LocalDateTime t -> t.atZone(java.time.ZoneId.systemDefault()).toInstant();
            case java.time.OffsetDateTime t -> t.toInstant();
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }

    /**
     * How many submissions of a kind on these form versions hold, in any revision, an answer to
     * {@code itemId} (also as {@code repeat.N.itemId}); with {@code option}, holding that option code.
     */
    @Transactional(readOnly = true)
    public int countAnswering(SubmissionKind kind, Collection<Long> versionIds, String itemId, Optional<String> option) {
        if (versionIds.isEmpty()) {
            return 0;
        }
        String in = marks(versionIds);
        List<Object> args = new ArrayList<>();
        args.add(kind.name());
        args.addAll(versionIds);
        args.add(itemId);
        args.add(itemId);
        String select = "SELECT COUNT(DISTINCT s.id) FROM submission_answer a JOIN submission_revision r ON r.id = a.revision_id "
                + "JOIN submission s ON s.id = r.submission_id "
                + "WHERE s.kind = ? AND s.form_version_id IN (" + in + ") AND (a.item_id = ? OR a.item_id LIKE CONCAT('%.', ?))";
        if (option.isPresent()) {
            select += " AND (a.answer_value = ? OR FIND_IN_SET(?, a.answer_value) > 0)";
            args.add(option.get());
            args.add(option.get());
        }
        Integer count = jdbc.queryForObject(select, Integer.class, args.toArray());
        return count == null ? 0 : count;
    }

    /** The submissions of a kind with these ids (unknown ids and other kinds left out). */
    @Transactional(readOnly = true)
    public List<StoredSubmission> findAll(SubmissionKind kind, Collection<Long> submissionIds) {
        return submissionIds.isEmpty() ? List.of()
                : submissions.findAllById(submissionIds).stream().filter(s -> s.getKind() == kind).map(Submission::stored).toList();
    }

    /**
     * How many answers a client's submissions of a kind on these form versions hold, in any revision
     * and draft, at these items (also as {@code repeat.N.itemId}).
     */
    @Transactional(readOnly = true)
    public int countAnswersAt(SubmissionKind kind, long clientId, Collection<Long> versionIds, Collection<String> itemIds) {
        return answersAt("SELECT COUNT(*) FROM", kind, clientId, versionIds, itemIds);
    }

    /** Deletes the answers {@link #countAnswersAt} counts; the number deleted. */
    @Transactional
    public int eraseAnswersAt(SubmissionKind kind, long clientId, Collection<Long> versionIds, Collection<String> itemIds) {
        return answersAt("DELETE a FROM", kind, clientId, versionIds, itemIds);
    }

    private int answersAt(String statement, SubmissionKind kind, long clientId, Collection<Long> versionIds, Collection<String> itemIds) {
        if (versionIds.isEmpty() || itemIds.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        args.add(kind.name());
        args.add(clientId);
        args.addAll(versionIds);
        StringBuilder items = new StringBuilder();
        for (String item : itemIds) {
            items.append(items.isEmpty() ? "" : " OR ").append("a.item_id = ? OR a.item_id LIKE CONCAT('%.', ?)");
            args.add(item);
            args.add(item);
        }
        String sql = statement + " submission_answer a JOIN submission_revision r ON r.id = a.revision_id "
                + "JOIN submission s ON s.id = r.submission_id WHERE s.kind = ? AND s.client_id = ? AND s.form_version_id IN ("
                + marks(versionIds) + ") AND (" + items + ")";
        if (statement.startsWith("DELETE")) {
            return jdbc.update(sql, args.toArray());
        }
        Integer count = jdbc.queryForObject(sql, Integer.class, args.toArray());
        return count == null ? 0 : count;
    }

    private SubmissionRevision editableDraft(long submissionId, long lockVersion) {
        SubmissionRevision revision = revisions.findFirstBySubmissionIdOrderByNumberDesc(submissionId)
                .orElseThrow(() -> new IllegalStateException("submission " + submissionId + " has no revision"));
        if (revision.getStatus() != RevisionStatus.DRAFT) {
            throw new SubmittedRevisionException(submissionId);
        }
        if (revision.getVersion() != lockVersion) {
            throw new StaleRevisionException(submissionId);
        }
        return revision;
    }

    private void flush(long submissionId) {
        try {
            revisions.flush();
            submissions.flush();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new StaleRevisionException(submissionId);
        }
    }
}
