package org.parcours.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.parcours.cluster.NodeName;
import org.parcours.formdef.FormBundle;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormDefinitionException;
import org.parcours.formdef.FormProblem;
import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;
import org.parcours.formdef.ChoiceItem;
import org.parcours.formdef.Item;
import org.parcours.formdef.Policy;
import org.parcours.formdef.programme.Programme;
import org.parcours.formdef.programme.ProgrammeReader;
import org.parcours.formdef.ProblemCode;
import org.parcours.formdef.SourcePosition;
import org.parcours.formdef.ScaleItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the forms folder into published, immutable versions in the database.
 * Each form file is read with the shared scales; a valid file whose content (form plus the scales
 * it uses) is new becomes a new version; an unchanged one reuses its version; a broken one is
 * reported and its last good version stays live. The application never fails to start because
 * of one broken form.
 * <p>
 * Several app nodes share one database: the version a node makes live (its folder changed, or a
 * studio publish) is written to {@code form_live}, and every node polls that table, so a node whose
 * own folder did not change serves the new live version within {@code parcours.forms.live-poll-interval}.
 * A node's folder only makes a form live again when that file changes (or at the node's start).
 */
@Service
public class FormCatalog implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FormCatalog.class);
    private static final List<String> SHARED_FOLDERS = FormsFolder.SHARED_FOLDERS;
    static final String POLICY_FILE = FormsFolder.POLICY_FILE;
    private static final java.util.regex.Pattern SHARED_FILE = java.util.regex.Pattern.compile("(lists|scales|programmes)/[a-z0-9][a-z0-9_-]*\\.yaml|policy\\.yaml");
    static final String PROGRAMMES_FOLDER = FormsFolder.PROGRAMMES_FOLDER;
    private static final String SYSTEM = "system";
    /** not *.yaml, so never read as a form */
    static final String PUBLISH_LOCK_FILE = ".publish.lock";
    private static final Map<Path, java.util.concurrent.locks.ReentrantLock> PUBLISH_LOCKS = new ConcurrentHashMap<>();

    private final FormVersionRepository versions;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final String formsDir;
    private final Duration pollInterval;
    private final JdbcTemplate jdbc;
    private final String node;
    private final Duration livePollInterval;
    /** per form, the hash of the text last read from this node's folder: only a change there makes it live */
    private final Map<String, String> seenInFolder = new ConcurrentHashMap<>();
    private final FormReader reader = new FormReader();
    private ObjectProvider<StoredAnswers> storedAnswers;
    private ScheduledExecutorService watcher;
    private volatile String lastFingerprint = "";

    private volatile Map<String, FormStatus> statuses = Map.of();
    private volatile Optional<Policy> policy = Optional.empty();
    private volatile List<FormProblem> policyProblems = List.of();
    /** The last good programmes of each programme file, and the problems of each file on disk. */
    private final Map<String, List<Programme>> programmesByFile = new ConcurrentHashMap<>();
    private volatile Map<String, List<FormProblem>> programmeProblems = Map.of();
    private final ProgrammeReader programmeReader = new ProgrammeReader();
    private final Map<Long, PublishedForm> versionCache = new ConcurrentHashMap<>();
    /** who publishes the form being written by {@link #publishFile}, while the folder is reloaded */
    private Attribution attribution;
    private final Optional<SharedFileHistory> sharedHistory;

    /** {@code target} is a form key, or a shared file's name when every form re-read is attributed. */
    private record Attribution(String target, boolean sharedFile, String publisher, String comment) {

        boolean covers(String formKey) {
            return sharedFile || target.equals(formKey);
        }

        /** The comment of a form version: a shared file's publish names the file. */
        String formComment() {
            return sharedFile ? target + ": " + comment : comment;
        }
    }

    /** A shared file of the folder (a list, a scale or the policy) and the problems of its text on disk. */
    public record SharedFileStatus(String name, List<FormProblem> problems) {

        public SharedFileStatus {
            problems = List.copyOf(problems);
        }

        public boolean broken() {
            return !problems.isEmpty();
        }
    }

    /**
     * The engine's verdict on a draft of a shared file: its problems and those it causes in forms
     * valid on disk (empty when it can be published), and every form re-read with it.
     */
    public record SharedCheck(List<FormProblem> problems, Map<String, FormDefinition> forms) {

        public SharedCheck {
            problems = List.copyOf(problems);
            forms = Map.copyOf(forms);
        }
    }

    @Autowired
    FormCatalog(FormVersionRepository versions, TransactionTemplate transactions, AuditLog audit, Clock clock,
                JdbcTemplate jdbc, NodeName node,
                @Value("${parcours.forms.dir:forms}") String formsDir,
                @Value("${parcours.forms.poll-interval:2s}") Duration pollInterval,
                @Value("${parcours.forms.live-poll-interval:2s}") Duration livePollInterval, SharedFileHistory sharedHistory) {
        this(versions, transactions, audit, clock, jdbc, node, formsDir, pollInterval, livePollInterval, Optional.of(sharedHistory));
    }

    FormCatalog(FormVersionRepository versions, TransactionTemplate transactions, AuditLog audit, Clock clock,
                JdbcTemplate jdbc, NodeName node, String formsDir, Duration pollInterval, Duration livePollInterval) {
        this(versions, transactions, audit, clock, jdbc, node, formsDir, pollInterval, livePollInterval, Optional.empty());
    }

    private FormCatalog(FormVersionRepository versions, TransactionTemplate transactions, AuditLog audit, Clock clock,
                        JdbcTemplate jdbc, NodeName node, String formsDir, Duration pollInterval, Duration livePollInterval,
                        Optional<SharedFileHistory> sharedHistory) {
        this.sharedHistory = sharedHistory;
        this.versions = versions;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
        this.node = node.get();
        this.formsDir = formsDir;
        this.pollInterval = pollInterval;
        this.livePollInterval = livePollInterval;
    }

    FormCatalog(FormVersionRepository versions, TransactionTemplate transactions, AuditLog audit, Clock clock,
                JdbcTemplate jdbc, NodeName node, String formsDir) {
        this(versions, transactions, audit, clock, jdbc, node, formsDir, Duration.ZERO, Duration.ZERO);
    }

    @Override
    public void afterSingletonsInstantiated() {
        reload();
        boolean watchFolder = !pollInterval.isZero() && Files.isDirectory(Path.of(formsDir));
        if (watchFolder || !livePollInterval.isZero()) {
            watcher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("forms-watcher").factory());
        }
        if (watchFolder) {
            watcher.scheduleWithFixedDelay(this::reloadIfChanged, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Watching {} for form changes every {} ms", Path.of(formsDir).toAbsolutePath(), pollInterval.toMillis());
        }
        if (!livePollInterval.isZero()) {
            watcher.scheduleWithFixedDelay(this::followLiveSafely, livePollInterval.toMillis(), livePollInterval.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Following the live form versions of other nodes every {} ms (node {})", livePollInterval.toMillis(), node);
        }
    }

    private void followLiveSafely() {
        try {
            followLive();
        } catch (RuntimeException e) {
            log.error("Reading the live form versions failed; will retry: {}", e.toString());
        }
    }

    /**
     * Serves the live version recorded in the database for each form of this node's folder, when
     * another node made a different one live (one small query on a table of a few rows).
     */
    synchronized void followLive() {
        Map<String, Long> live = new LinkedHashMap<>();
        jdbc.query("SELECT form_key, version_id FROM form_live", rs -> {
            live.put(rs.getString(1), rs.getLong(2));
        });
        Map<String, FormStatus> next = new LinkedHashMap<>(statuses);
        boolean changed = false;
        for (Map.Entry<String, FormStatus> entry : statuses.entrySet()) {
            Long versionId = live.get(entry.getKey());
            FormStatus status = entry.getValue();
            if (versionId != null && status.live().map(l -> l.versionId() != versionId).orElse(true)) {
                PublishedForm form = version(versionId);
                next.put(entry.getKey(), new FormStatus(status.formKey(), status.sourceName(), Optional.of(form), status.problems()));
                log.info("Form '{}' version {} made live by another node is now served here", form.formKey(), form.versionNumber());
                changed = true;
            }
        }
        if (changed) {
            statuses = next;
        }
    }

    private void markLive(String formKey, long versionId) {
        jdbc.update("""
                INSERT INTO form_live (form_key, version_id, changed_at, changed_by) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE version_id = VALUES(version_id), changed_at = VALUES(changed_at), changed_by = VALUES(changed_by)""",
                formKey, versionId, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), node);
    }

    @Override
    public void destroy() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    /**
     * Polls rather than relying on file-system events: works the same on bind mounts and network
     * folders, and an editor's save-by-rename is seen as one change.
     */
    void reloadIfChanged() {
        try {
            if (!fingerprint().equals(lastFingerprint)) {
                reload();
            }
        } catch (RuntimeException e) {
            // the watcher must survive anything (a file deleted while being read, the database down...)
            log.error("Reloading the forms folder failed; will retry: {}", e.toString());
        }
    }

    private String fingerprint() {
        Path dir = Path.of(formsDir);
        if (!Files.isDirectory(dir)) {
            return "";
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(f -> {
                try {
                    return f + ":" + Files.size(f) + ":" + Files.getLastModifiedTime(f).toMillis();
                } catch (IOException e) {
                    return f + ":gone";
                }
            }).collect(java.util.stream.Collectors.joining("|"));
        } catch (IOException | UncheckedIOException e) {
            return "unreadable:" + e.getMessage();
        }
    }

    /** Reads the forms folder again and publishes what changed. */
    public synchronized void reload() {
        String seen = fingerprint();
        Folder folder = readFolder();
        List<FormSource> sources = folder.sources();
        List<FormSource> scaleSources = sources.stream().filter(FormCatalog::isShared).toList();
        sources.stream().filter(s -> s.name().equals(POLICY_FILE)).findFirst().ifPresent(this::reloadPolicy);
        sharedHistory.ifPresent(history -> sources.stream().filter(s -> isShared(s) || isProgramme(s) || s.name().equals(POLICY_FILE)).forEach(s -> {
            Attribution by = attribution != null && attribution.sharedFile() && attribution.target().equals(s.name()) ? attribution : null;
            history.recordIfChanged(s.name(), s.text(), Optional.ofNullable(by).map(Attribution::publisher),
                    Optional.ofNullable(by).map(Attribution::comment));
        }));
        Map<String, FormStatus> next = new LinkedHashMap<>();
        folder.unreadable().forEach((name, problem) -> {
            // not UTF-8: a form keeps its last good version; a scale or list file is left out, so
            // the forms using it report the missing reference and keep theirs too
            log.error("Form file {} cannot be read; its last good version stays in use: {}", name, problem);
            if (name.equals(POLICY_FILE)) {
                policyProblems = List.of(problem);
            } else if (name.startsWith(PROGRAMMES_FOLDER)) {
                // reported with the other programme files; its last good programmes stay
            } else if (!SHARED_FOLDERS.stream().anyMatch(name::startsWith)) {
                String key = keyOf(name);
                next.put(key, new FormStatus(key, name, lastGood(key), List.of(problem)));
            }
        });
        for (FormSource formSource : sources) {
            if (isShared(formSource) || isProgramme(formSource) || formSource.name().equals(POLICY_FILE)) {
                continue;
            }
            List<FormSource> withScales = new ArrayList<>(scaleSources);
            withScales.add(formSource);
            try {
                FormBundle bundle = reader.read(withScales);
                if (bundle.forms().isEmpty()) {
                    // an emptied or cut file must not take its form out of service
                    throw new FormDefinitionException(List.of(FormsFolder.definesNoForm(formSource.name())));
                }
                for (FormDefinition form : bundle.forms().values()) {
                    String text = bundledText(form, bundle, formSource, scaleSources);
                    // a version published before (a rollback, another node's folder) was accepted then
                    List<FormProblem> orphaning = versions.findByFormKeyAndContentHash(form.id(), sha256(text)).isPresent() ? List.of()
                            : orphanedAnswers(form, formSource.name());
                    if (!orphaning.isEmpty()) {
                        throw new FormDefinitionException(orphaning);
                    }
                    PublishedForm published = publish(form, text);
                    String hash = sha256(text);
                    Optional<PublishedForm> followed = Optional.ofNullable(statuses.get(form.id())).flatMap(FormStatus::live);
                    PublishedForm live;
                    if (hash.equals(seenInFolder.get(form.id())) && followed.isPresent()) {
                        live = followed.get(); // this file did not change: keep what the cluster made live
                    } else {
                        markLive(form.id(), published.versionId());
                        seenInFolder.put(form.id(), hash);
                        live = published;
                    }
                    next.put(form.id(), new FormStatus(form.id(), formSource.name(), Optional.of(live), List.of()));
                }
            } catch (FormDefinitionException e) {
                String key = keyOf(formSource.name());
                log.error("Form file {} has {} problem(s); its last good version stays in use:\n{}",
                        formSource.name(), e.problems().size(), e.getMessage());
                next.put(key, new FormStatus(key, formSource.name(), lastGood(key), e.problems()));
            }
        }
        statuses = next;
        reloadProgrammes(sources.stream().filter(FormCatalog::isProgramme).toList(), folder.unreadable());
        lastFingerprint = seen; // only once published: a failed reload (database down...) is tried again at the next poll
    }

    private static boolean isShared(FormSource source) {
        return SHARED_FOLDERS.stream().anyMatch(folder -> source.name().startsWith(folder));
    }

    private static boolean isProgramme(FormSource source) {
        return source.name().startsWith(PROGRAMMES_FOLDER);
    }

    /**
     * Reads each programme file with the live forms and the policy; a broken file keeps its last
     * good programmes (its problems are reported like a form's), a removed file takes its own away.
     */
    private void reloadProgrammes(List<FormSource> programmeSources, Map<String, FormProblem> unreadable) {
        Map<String, FormDefinition> live = liveDefinitions();
        Map<String, List<FormProblem>> problems = new LinkedHashMap<>();
        unreadable.forEach((name, problem) -> {
            if (name.startsWith(PROGRAMMES_FOLDER)) {
                problems.put(name, List.of(problem));
            }
        });
        java.util.Set<String> present = new java.util.HashSet<>(problems.keySet());
        programmeSources.forEach(s -> present.add(s.name()));
        programmesByFile.keySet().retainAll(present);
        for (FormSource source : programmeSources) {
            try {
                programmesByFile.put(source.name(), programmeReader.read(List.of(source), live, policy));
            } catch (FormDefinitionException e) {
                log.error("Programme file {} has {} problem(s); its last good version stays in use:\n{}",
                        source.name(), e.problems().size(), e.getMessage());
                problems.put(source.name(), e.problems());
            }
        }
        programmeProblems = Map.copyOf(problems);
    }

    private Map<String, FormDefinition> liveDefinitions() {
        Map<String, FormDefinition> live = new LinkedHashMap<>();
        statuses.values().forEach(s -> s.live().ifPresent(p -> live.put(s.formKey(), p.definition())));
        return live;
    }

    /** The live programmes (forms/programmes/*.yaml), the last good version of a broken file included. */
    public List<Programme> programmes() {
        return programmesByFile.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .flatMap(e -> e.getValue().stream()).toList();
    }

    /** The problems of the programme files on disk, by file; empty when every one is valid. */
    public Map<String, List<FormProblem>> programmeProblems() {
        return programmeProblems;
    }

    private void reloadPolicy(FormSource source) {
        try {
            Optional<Policy> read = reader.read(List.of(source)).policy();
            if (read.isEmpty()) {
                throw new FormDefinitionException(List.of(FormsFolder.holdsNoPolicy(source.name())));
            }
            if (!read.equals(policy)) {
                policy = read; // an unchanged policy keeps its object: the last good one stays the same
            }
            policyProblems = List.of();
        } catch (FormDefinitionException e) {
            log.error("The policy file has {} problem(s); the last good policy stays in use:\n{}", e.problems().size(), e.getMessage());
            policyProblems = e.problems();
        }
    }

    /** The domain numbers of forms/policy.yaml (the last good version when the file is broken). */
    public Policy policy() {
        return policy.orElseThrow(() -> new Policy.PolicyException("no valid " + POLICY_FILE + " in " + formsDir));
    }

    /** The problems of forms/policy.yaml on disk; empty when it is valid. */
    public List<FormProblem> policyProblems() {
        return policyProblems;
    }

    /** Every form known from the folder, with its live version and problems. */
    public List<FormStatus> statuses() {
        return List.copyOf(statuses.values());
    }

    /** The forms that can be started now (those with a live version). */
    public List<PublishedForm> liveForms() {
        return statuses.values().stream().flatMap(s -> s.live().stream()).toList();
    }

    public PublishedForm current(String formKey) {
        return Optional.ofNullable(statuses.get(formKey)).flatMap(FormStatus::live)
                .orElseThrow(() -> new FormNotFoundException("No published version of form '" + formKey + "'"));
    }

    /** The ids of every published version of a form. */
    public List<Long> versionIds(String formKey) {
        return versions.findIdsByFormKey(formKey);
    }

    /**
     * The items hidden from {@code roles} in every version of a form: an item {@code sensitive} in
     * any published version (a later one included) is hidden in all, the rule of
     * {@link FormDefinition#hiddenFromAnyOf}.
     */
    public Set<String> hiddenFromAnyVersion(String formKey, Set<String> roles) {
        return FormDefinition.hiddenFromAnyOf(versionIds(formKey).stream().map(id -> version(id).definition()).toList(), roles);
    }

    /**
     * A version by id, read from its stored text: old evaluations render with their own version.
     * A version published by another node (or another catalog) is read from the database once;
     * {@link #toPublished} alone fills the cache (a nested computeIfAbsent on one key would fail).
     */
    public PublishedForm version(long versionId) {
        PublishedForm cached = versionCache.get(versionId);
        if (cached != null) {
            return cached;
        }
        return versions.findById(versionId).map(this::toPublished)
                .orElseThrow(() -> new FormNotFoundException("No form version " + versionId));
    }

    /**
     * Publishes a form text that is not in the forms folder (read with the folder's shared scales
     * and lists) as a version of {@code formKey}, without making it live; an identical text reuses
     * its version. Used by the demo data generator for earlier versions of a form.
     *
     * @throws FormDefinitionException when the text is invalid
     */
    public synchronized PublishedForm publishText(String formKey, String yamlText) {
        List<FormSource> scaleSources = readSources().stream().filter(FormCatalog::isShared).toList();
        FormSource source = new FormSource(formKey + ".yaml", yamlText);
        List<FormSource> withScales = new ArrayList<>(scaleSources);
        withScales.add(source);
        FormBundle bundle = reader.read(withScales);
        FormDefinition form = bundle.forms().get(formKey);
        if (form == null) {
            throw new FormNotFoundException("The text does not define form '" + formKey + "'");
        }
        return publish(form, bundledText(form, bundle, source, scaleSources));
    }

    /**
     * Reads a draft of a form file with the folder's shared scales and lists, without publishing it.
     *
     * @throws FormDefinitionException with every problem when the draft is invalid
     */
    public FormDefinition check(String formKey, String yamlText) {
        List<FormSource> withScales = new ArrayList<>(readSources().stream().filter(FormCatalog::isShared).toList());
        withScales.add(new FormSource(sourceName(formKey), yamlText));
        FormBundle bundle = reader.read(withScales);
        FormDefinition form = bundle.forms().get(formKey);
        if (form == null) {
            throw new FormDefinitionException(List.of(new FormProblem(ProblemCode.MISSING_KEY,
                    new SourcePosition(sourceName(formKey), 1, 1), "the text does not define form '" + formKey + "'",
                    "keep 'form: " + formKey + "' at the top of the file")));
        }
        return form;
    }

    /** The name of a form's file under the forms folder. */
    public String sourceName(String formKey) {
        return Optional.ofNullable(statuses.get(formKey)).map(FormStatus::sourceName).orElse(formKey + ".yaml");
    }

    /** The text of a form's file as it is on disk now. */
    public String fileText(String formKey) {
        Path file = formFile(formKey);
        if (!Files.isRegularFile(file)) {
            throw new FormNotFoundException("No file " + sourceName(formKey) + " in the forms folder");
        }
        return readString(file);
    }

    /** The content hash of a text, as used to detect a file changed on disk since a draft was opened. */
    public static String hashOf(String text) {
        return sha256(text);
    }

    /**
     * Writes a form file from the studio and reloads the folder, so the files and the database never
     * disagree: the file is the source of truth. The new version records who published it and why.
     *
     * @param expectedFileHash the hash of the file when the draft was opened
     * @throws StaleFileException when the file changed on disk since (nothing is written)
     * @throws FormDefinitionException when the text is invalid (nothing is written)
     */
    public synchronized PublishedForm publishFile(String formKey, String yamlText, String expectedFileHash,
                                                  String publisher, String comment) {
        if (comment.length() > 1000) {
            throw new IllegalArgumentException("A publish comment has at most 1000 characters");
        }
        List<FormProblem> orphaning = orphanedAnswers(check(formKey, yamlText), sourceName(formKey));
        if (!orphaning.isEmpty()) {
            throw new FormDefinitionException(orphaning);
        }
        return underPublishLock(() -> writeAndReload(formKey, yamlText, expectedFileHash, publisher, comment));
    }

    private PublishedForm writeAndReload(String formKey, String yamlText, String expectedFileHash, String publisher, String comment) {
        Path file = formFile(formKey);
        String onDisk = Files.isRegularFile(file) ? readString(file) : "";
        if (!sha256(onDisk).equals(expectedFileHash)) {
            throw new StaleFileException("The file " + sourceName(formKey)
                    + " changed on disk since this draft was opened; reopen the form to start from the file");
        }
        write(file, yamlText);
        attribution = new Attribution(formKey, false, publisher, comment);
        try {
            reload();
        } finally {
            attribution = null;
        }
        PublishedForm live = current(formKey);
        transactions.executeWithoutResult(status -> audit.record(publisher, AuditAction.FORM_PUBLISHED, "form", formKey,
                "studio: version " + live.versionNumber() + " live, sha256 " + live.contentHash() + ", comment: " + comment));
        return live;
    }

    /** The shared files of the folder (lists/, scales/, policy.yaml), each with the problems of its text on disk. */
    public List<SharedFileStatus> sharedFiles() {
        List<FormSource> sources = readSources();
        List<SharedFileStatus> files = new ArrayList<>();
        for (FormSource source : sources) {
            if (source.name().equals(POLICY_FILE)) {
                files.add(new SharedFileStatus(source.name(), policyProblems));
            } else if (isProgramme(source)) {
                files.add(new SharedFileStatus(source.name(), programmeProblems.getOrDefault(source.name(), List.of())));
            } else if (isShared(source)) {
                List<FormProblem> problems = List.of();
                try {
                    reader.read(List.of(source));
                } catch (FormDefinitionException e) {
                    problems = e.problems();
                }
                files.add(new SharedFileStatus(source.name(), problems));
            }
        }
        return files;
    }

    /** Whether a name is one of the folder's shared files (never a path outside lists/, scales/ or policy.yaml). */
    public boolean isSharedFile(String name) {
        return SHARED_FILE.matcher(name).matches() && readSources().stream().anyMatch(s -> s.name().equals(name));
    }

    /** The text of a shared file as it is on disk now. */
    public String sharedFileText(String name) {
        requireSharedFile(name);
        return readString(Path.of(formsDir).resolve(name));
    }

    /**
     * Reads a draft of a shared file with the rest of the folder, without publishing it: the file's
     * own problems, and those it causes in forms that are valid on disk (e.g. a removed list that a
     * form names). A policy draft is read alone.
     */
    public SharedCheck checkShared(String name, String yamlText) {
        requireSharedFile(name);
        FormSource draft = new FormSource(name, yamlText);
        if (name.equals(POLICY_FILE)) {
            try {
                if (reader.read(List.of(draft)).policy().isEmpty()) {
                    return new SharedCheck(List.of(FormsFolder.holdsNoPolicy(name)), Map.of());
                }
                return new SharedCheck(List.of(), Map.of());
            } catch (FormDefinitionException e) {
                return new SharedCheck(e.problems(), Map.of());
            }
        }
        if (isProgramme(draft)) {
            try {
                programmeReader.read(List.of(draft), liveDefinitions(), policy);
                return new SharedCheck(List.of(), Map.of());
            } catch (FormDefinitionException e) {
                return new SharedCheck(e.problems(), Map.of());
            }
        }
        List<FormSource> sources = readSources().stream().map(s -> s.name().equals(name) ? draft : s).toList();
        List<FormSource> shared = sources.stream().filter(FormCatalog::isShared).toList();
        try {
            reader.read(shared);
        } catch (FormDefinitionException e) {
            return new SharedCheck(e.problems(), Map.of());
        }
        List<FormProblem> problems = new ArrayList<>();
        Map<String, FormDefinition> forms = new LinkedHashMap<>();
        for (FormSource formSource : sources) {
            if (isShared(formSource) || isProgramme(formSource) || formSource.name().equals(POLICY_FILE)) {
                continue;
            }
            List<FormSource> withShared = new ArrayList<>(shared);
            withShared.add(formSource);
            try {
                forms.putAll(reader.read(withShared).forms());
            } catch (FormDefinitionException e) {
                FormStatus now = statuses.get(keyOf(formSource));
                if (now == null || !now.broken()) {
                    problems.addAll(e.problems());
                }
            }
        }
        return new SharedCheck(problems, forms);
    }

    /**
     * Writes a shared file from the studio and reloads the folder, under the same rule as a form
     * file: refused when the draft has problems (or breaks a form) or when the file changed on disk
     * since the draft was opened. Forms using the file get new versions attributed to the publisher.
     *
     * @throws StaleFileException when the file changed on disk since (nothing is written)
     * @throws FormDefinitionException when the draft is invalid (nothing is written)
     */
    public synchronized void publishSharedFile(String name, String yamlText, String expectedFileHash, String publisher,
                                               String comment) {
        if (comment.length() > 1000) {
            throw new IllegalArgumentException("A publish comment has at most 1000 characters");
        }
        SharedCheck check = checkShared(name, yamlText);
        if (!check.problems().isEmpty()) {
            throw new FormDefinitionException(check.problems());
        }
        Path file = Path.of(formsDir).resolve(name);
        underPublishLock(() -> {
            if (!sha256(readString(file)).equals(expectedFileHash)) {
                throw new StaleFileException("The file " + name
                        + " changed on disk since this draft was opened; reopen it to start from the file");
            }
            write(file, yamlText);
            attribution = new Attribution(name, true, publisher, comment);
            try {
                reload();
            } finally {
                attribution = null;
            }
            return null;
        });
        transactions.executeWithoutResult(status -> audit.record(publisher, AuditAction.SHARED_FILE_PUBLISHED, "form-file", name,
                "studio: sha256 " + sha256(yamlText) + ", comment: " + comment));
    }

    /** Whether a stored form version bundles the shared file (each bundled file starts with a {@code # source:} header). */
    public boolean bundles(long versionId, String sharedFileName) {
        return versions.findById(versionId).map(v -> v.getDefinition().contains("# source: " + sharedFileName + "\n")).orElse(false);
    }

    /** The history of a shared file, newest first (empty without a database history). */
    public List<VersionInfo> sharedHistory(String name) {
        requireSharedFile(name);
        return sharedHistory.map(h -> h.history(name)).orElse(List.of());
    }

    /** The text of an earlier version of a shared file, to be republished as a rollback. */
    public String sharedVersionText(String name, long versionId) {
        requireSharedFile(name);
        return sharedHistory.flatMap(h -> h.text(name, versionId))
                .orElseThrow(() -> new FormNotFoundException("No version " + versionId + " of " + name));
    }

    private void requireSharedFile(String name) {
        if (!isSharedFile(name)) {
            throw new FormNotFoundException("No shared file " + name + " in the forms folder");
        }
    }

    private static void write(Path file, String text) {
        try {
            Path temp = Files.createTempFile(file.getParent(), ".studio-", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /**
     * Runs a publish holding the forms folder's lock: one at a time among the catalogs of this JVM
     * and, through a lock file, among the nodes sharing the folder; otherwise two publishes could
     * both find the file unchanged and the second would overwrite the first.
     */
    private <T> T underPublishLock(java.util.function.Supplier<T> publish) {
        Path folder = Path.of(formsDir).toAbsolutePath().normalize();
        java.util.concurrent.locks.ReentrantLock inThisJvm = PUBLISH_LOCKS.computeIfAbsent(folder, f -> new java.util.concurrent.locks.ReentrantLock());
        inThisJvm.lock();
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(folder.resolve(PUBLISH_LOCK_FILE),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock betweenNodes = channel.lock()) {
            return publish.get();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the forms folder " + folder + " to publish", e);
        } finally {
            inThisJvm.unlock();
        }
    }

    /** Every published version of a form, newest first. */
    public List<VersionInfo> history(String formKey) {
        return versions.findByFormKeyOrderByVersionNumberDesc(formKey).stream()
                .map(v -> new VersionInfo(v.getId(), v.getVersionNumber(), v.getPublishedAt(), v.getContentHash(),
                        Optional.ofNullable(v.getPublishedBy()), Optional.ofNullable(v.getPublishComment())))
                .toList();
    }

    /**
     * The form file's text of a stored version, without the shared scale and list files bundled
     * before it (each bundled file starts with a {@code # source:} header).
     */
    public String formText(long versionId) {
        FormVersion version = versions.findById(versionId)
                .orElseThrow(() -> new FormNotFoundException("No form version " + versionId));
        String text = version.getDefinition();
        String header = "# source: " + sourceName(version.getFormKey()) + "\n";
        int at = text.lastIndexOf(header);
        if (at < 0) {
            header = "# source: " + version.getFormKey() + ".yaml\n";
            at = text.lastIndexOf(header);
        }
        return at < 0 ? text : text.substring(at + header.length());
    }

    private Path formFile(String formKey) {
        return Path.of(formsDir).resolve(sourceName(formKey));
    }

    /**
     * Publishes a text once: another process (a second app node, a concurrent reload) publishing
     * the same text or the next number at the same moment breaks a unique constraint
     * (form key + hash, form key + number); then the winner's version is read, or the number
     * taken again.
     */
    private PublishedForm publish(FormDefinition form, String text) {
        for (int attempt = 1; ; attempt++) {
            try {
                return publishOnce(form, text);
            } catch (org.springframework.dao.DataIntegrityViolationException raced) {
                if (attempt >= 3) {
                    throw raced;
                }
                log.info("Form '{}' was published concurrently elsewhere; reading it again ({})", form.id(), raced.getMostSpecificCause().getMessage());
            }
        }
    }

    private PublishedForm publishOnce(FormDefinition form, String text) {
        String hash = sha256(text);
        return transactions.execute(status -> versions.findByFormKeyAndContentHash(form.id(), hash)
                .map(this::toPublished)
                .orElseGet(() -> {
                    int number = versions.findFirstByFormKeyOrderByVersionNumberDesc(form.id())
                            .map(v -> v.getVersionNumber() + 1).orElse(1);
                    Attribution by = attribution != null && attribution.covers(form.id()) ? attribution : null;
                    FormVersion saved = versions.saveAndFlush(new FormVersion(form.id(), number, hash, text, clock.instant(),
                            by == null ? null : by.publisher(), by == null ? null : by.formComment()));
                    audit.record(by == null ? SYSTEM : by.publisher(), AuditAction.FORM_PUBLISHED, "form", form.id(),
                            "version " + number + " published from " + formsDir + ", sha256 " + hash);
                    log.info("Published form '{}' version {} (sha256 {})", form.id(), number, hash.substring(0, 12));
                    return toPublished(saved);
                }));
    }

    /**
     * The version to keep live for a broken file: the one live until now (after a rollback it is
     * not the highest number), else, at start-up, the latest stored.
     */
    @Autowired
    void setStoredAnswers(ObjectProvider<StoredAnswers> storedAnswers) {
        // looked up when needed: the stores behind it read the catalog themselves
        this.storedAnswers = storedAnswers;
    }

    /**
     * The items of the live version that {@code next} no longer has, without {@code was:} on the
     * item replacing them or {@code retired:}, while stored answers hold them: such a version is
     * held back (the last good one stays live), with how many answers it would orphan.
     */
    private List<FormProblem> orphanedAnswers(FormDefinition next, String sourceName) {
        StoredAnswers counter = storedAnswers == null ? null : storedAnswers.getIfAvailable();
        Optional<PublishedForm> live = counter == null ? Optional.empty() : lastGood(next.id());
        if (live.isEmpty()) {
            return List.of();
        }
        Set<String> kept = next.allItems().map(Item::id).collect(java.util.stream.Collectors.toSet());
        List<FormProblem> problems = new ArrayList<>();
        live.get().definition().allItems().map(Item::id).filter(id -> !kept.contains(id) && !next.renames().accountsFor(id))
                .forEach(id -> {
                    int stored = counter.countAnswering(next.id(), id);
                    if (stored > 0) {
                        problems.add(new FormProblem(ProblemCode.ORPHANED_ANSWERS, new SourcePosition(sourceName, 1, 1),
                                "id '" + id + "' disappeared with " + stored + " stored answer(s)",
                                "add 'was: " + id + "' to the item that replaces it, or 'retired: [" + id + "]' to the form"));
                    }
                });
        return problems;
    }

    private Optional<PublishedForm> lastGood(String formKey) {
        return Optional.ofNullable(statuses.get(formKey)).flatMap(FormStatus::live).or(() -> latestVersion(formKey));
    }

    private Optional<PublishedForm> latestVersion(String formKey) {
        return versions.findFirstByFormKeyOrderByVersionNumberDesc(formKey).map(this::toPublished);
    }

    private PublishedForm toPublished(FormVersion version) {
        return versionCache.computeIfAbsent(version.getId(), id -> {
            FormBundle bundle = reader.read(List.of(new FormSource("form_version/" + id, version.getDefinition())));
            FormDefinition definition = bundle.forms().get(version.getFormKey());
            if (definition == null) {
                throw new FormNotFoundException("Stored form version " + id + " does not define " + version.getFormKey());
            }
            return new PublishedForm(id, version.getVersionNumber(), version.getContentHash(), version.getPublishedAt(), definition);
        });
    }

    /** The text stored for a version: the scale files the form uses, then the form file. */
    private static String bundledText(FormDefinition form, FormBundle bundle, FormSource formSource, List<FormSource> scaleSources) {
        return FormsFolder.bundledText(form, bundle, formSource, scaleSources);
    }

    private List<FormSource> readSources() {
        return readFolder().sources();
    }

    /** The folder's files: those read as UTF-8, and the problem of each that is not. */
    private record Folder(List<FormSource> sources, Map<String, FormProblem> unreadable) {
    }

    private Folder readFolder() {
        Path dir = Path.of(formsDir);
        if (Files.isDirectory(dir)) {
            FormsFolder.Contents contents = FormsFolder.read(dir);
            return new Folder(contents.sources(), contents.unreadable());
        }
        log.warn("Forms folder {} not found; using the forms bundled in the application", dir.toAbsolutePath());
        return new Folder(bundledSources(), Map.of());
    }

    private static List<FormSource> bundledSources() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.yaml");
            List<FormSource> sources = new ArrayList<>();
            for (Resource resource : resources) {
                String url = resource.getURL().toString();
                String name = url.substring(url.lastIndexOf("forms/") + "forms/".length());
                if (!name.contains("/") || SHARED_FOLDERS.stream().anyMatch(name::startsWith) || name.startsWith(PROGRAMMES_FOLDER)) {
                    sources.add(new FormSource(name, resource.getContentAsString(StandardCharsets.UTF_8)));
                }
            }
            sources.sort(Comparator.comparing(FormSource::name));
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled forms", e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static String keyOf(FormSource source) {
        return keyOf(source.name());
    }

    private static String keyOf(String name) {
        return name.endsWith(".yaml") ? name.substring(0, name.length() - ".yaml".length()) : name;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
