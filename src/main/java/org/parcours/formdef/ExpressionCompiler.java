package org.parcours.formdef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.cel.checker.CelStandardDeclarations;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

/**
 * Type-checks every expression of a form with CEL, in the scope of its item (the form's items,
 * plus a repeat row's own items), orders computed items by what they read, and reports syntax
 * errors, type errors and cycles at their place in the YAML.
 */
final class ExpressionCompiler {

    private static final CelOptions OPTIONS = CelOptions.current()
            .comprehensionMaxIterations(10_000)
            .build();
    /*
     * Built once (docs/decisions/0010, P7: profiled with JFR): the checker otherwise rebuilds every standard
     * function declaration for each expression it checks, and each environment built its own
     * runtime. The runtime does not depend on the declared variables, so one serves every form.
     */
    private static final CelStandardDeclarations STANDARD_DECLARATIONS = CelStandardDeclarations.newBuilder().build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

    /** Where an expression sits and what it must produce. */
    record Site(Expression expression, Optional<String> repeatId, Optional<String> computedItemId) {
    }

    interface ProblemSink {
        void report(ProblemCode code, SourcePosition at, String message, String hint);
    }

    private final Map<String, Item> topLevel = new LinkedHashMap<>();
    private final Map<String, RepeatItem> repeats = new HashMap<>();
    private final Map<String, String> repeatOf = new HashMap<>();
    private final List<Site> sites = new ArrayList<>();

    CompiledExpressions compile(List<Section> sections, ProblemSink problems) {
        for (Section section : sections) {
            section.visibleWhen().ifPresent(e -> sites.add(new Site(e, Optional.empty(), Optional.empty())));
            for (Item item : section.items()) {
                topLevel.put(item.id(), item);
                collect(item, Optional.empty());
            }
        }
        Map<String, ValueType> computedTypes = new HashMap<>();
        Map<Expression, CompiledExpressions.Compiled> compiled = new HashMap<>();
        compileComputed(computedTypes, compiled, problems);
        Map<Site, CompiledExpressions.Compiled> checkedTogether = compileTogether(computedTypes);
        for (Site site : sites) {
            if (site.computedItemId().isEmpty()) {
                Optional<CompiledExpressions.Compiled> result = checkedTogether != null
                        ? Optional.of(checkedTogether.get(site)) : compileOne(site, computedTypes, problems);
                result.ifPresent(c -> {
                    if (c.resultType() != ValueType.BOOLEAN) {
                        problems.report(ProblemCode.EXPRESSION_TYPE, site.expression().at(),
                                "the expression must give true or false, not " + describe(c.resultType()),
                                "compare values, e.g. \"track == 'social-only'\" or \"amount > 0.0\"");
                    } else {
                        compiled.put(site.expression(), c);
                    }
                });
            }
        }
        return new CompiledExpressions(compiled, computedTypes);
    }

    private void collect(Item item, Optional<String> repeatId) {
        ItemRules rules = item.rules();
        rules.visibleWhen().ifPresent(e -> sites.add(new Site(e, repeatId, Optional.empty())));
        rules.requiredWhen().ifPresent(e -> sites.add(new Site(e, repeatId, Optional.empty())));
        rules.constraints().forEach(c -> sites.add(new Site(c.expression(), repeatId, Optional.empty())));
        if (item instanceof ComputedItem computed) {
            sites.add(new Site(computed.expression(), repeatId, Optional.of(computed.id())));
        }
        repeatId.ifPresent(r -> repeatOf.put(item.id(), r));
        if (item instanceof RepeatItem repeat) {
            repeats.put(repeat.id(), repeat);
            repeat.items().forEach(child -> collect(child, Optional.of(repeat.id())));
        }
    }

    /** Computed items in dependency order; a cycle is reported on every expression in it. */
    private void compileComputed(Map<String, ValueType> types, Map<Expression, CompiledExpressions.Compiled> compiled,
                                 ProblemSink problems) {
        Map<String, Site> computedSites = new LinkedHashMap<>();
        sites.stream().filter(s -> s.computedItemId().isPresent())
                .forEach(s -> computedSites.put(s.computedItemId().get(), s));
        // first pass: what each computed item reads, from the names in its parsed expression (no
        // type check: each expression is checked once, in dependency order, below)
        Map<String, Set<String>> reads = new LinkedHashMap<>();
        for (Map.Entry<String, Site> entry : computedSites.entrySet()) {
            names(entry.getValue()).ifPresent(names -> {
                Set<String> dependsOn = new LinkedHashSet<>(names);
                dependsOn.retainAll(computedSites.keySet());
                reads.put(entry.getKey(), dependsOn);
            });
        }
        Set<String> done = new HashSet<>();
        Set<String> failed = new HashSet<>();
        for (String id : computedSites.keySet()) {
            visit(id, computedSites, reads, types, compiled, done, failed, new LinkedHashSet<>(), problems);
        }
    }

    private void visit(String id, Map<String, Site> computedSites, Map<String, Set<String>> reads, Map<String, ValueType> types,
                       Map<Expression, CompiledExpressions.Compiled> compiled, Set<String> done, Set<String> failed,
                       LinkedHashSet<String> path, ProblemSink problems) {
        if (done.contains(id) || failed.contains(id)) {
            return;
        }
        if (path.contains(id)) {
            List<String> cycle = new ArrayList<>(path);
            cycle = cycle.subList(cycle.indexOf(id), cycle.size());
            for (String member : cycle) {
                if (failed.add(member)) {
                    problems.report(ProblemCode.COMPUTED_CYCLE, computedSites.get(member).expression().at(),
                            "computed value '" + member + "' depends on itself: " + String.join(" -> ", cycle) + " -> " + cycle.getFirst(),
                            "break the cycle: one of these values must not use the others");
                }
            }
            return;
        }
        path.add(id);
        for (String dependency : reads.getOrDefault(id, Set.of())) {
            visit(dependency, computedSites, reads, types, compiled, done, failed, path, problems);
        }
        path.remove(id);
        if (failed.contains(id)) {
            return;
        }
        if (reads.getOrDefault(id, Set.of()).stream().anyMatch(failed::contains) || !reads.containsKey(id)) {
            // its own errors (if any) are reported by this compilation; a failed dependency is reported there
            compileOne(computedSites.get(id), types, reads.containsKey(id) ? ProblemSinks.IGNORE : problems);
            failed.add(id);
            return;
        }
        Site site = computedSites.get(id);
        Optional<CompiledExpressions.Compiled> result = compileOne(site, types, problems);
        if (result.isEmpty()) {
            failed.add(id);
            return;
        }
        ValueType type = result.get().resultType();
        if (type == ValueType.NONE || type == ValueType.ROWS || type == ValueType.COMPUTED) {
            problems.report(ProblemCode.EXPRESSION_TYPE, site.expression().at(),
                    "a computed value must give a number, a text, yes/no, a date or a list of codes",
                    "wrap the result, e.g. double(...) or string(...)");
            failed.add(id);
            return;
        }
        types.put(id, type);
        compiled.put(site.expression(), result.get());
        done.add(id);
    }

    /**
     * The conditions and constraints (every site but computed values), type-checked with one
     * checker call per scope: CEL's checker sets up its whole standard environment on every call,
     * which was most of the time spent loading forms (docs/decisions/0010, P7, JFR). Each scope's expressions
     * become the elements of one list literal; each element keeps its own type and references and
     * gets its own program. Returns null when anything in a scope does not check, so that
     * {@link #compileOne} reports every problem at its own place, exactly as before.
     */
    private Map<Site, CompiledExpressions.Compiled> compileTogether(Map<String, ValueType> computedTypes) {
        Map<Optional<String>, List<Site>> byScope = new LinkedHashMap<>();
        for (Site site : sites) {
            if (site.computedItemId().isEmpty()) {
                byScope.computeIfAbsent(site.repeatId(), k -> new ArrayList<>()).add(site);
            }
        }
        Map<Site, CompiledExpressions.Compiled> result = new java.util.IdentityHashMap<>();
        for (Map.Entry<Optional<String>, List<Site>> scope : byScope.entrySet()) {
            StringBuilder source = new StringBuilder("[");
            for (Site site : scope.getValue()) {
                // a newline before ")" so that a trailing // comment cannot swallow it
                source.append(source.length() > 1 ? ", (" : "(").append(site.expression().source()).append("\n)");
            }
            source.append(']');
            String key = signature(scope.getKey(), computedTypes) + "\u0000" + source;
            List<CompiledExpressions.Compiled> cached = COMPILED_TOGETHER.get(key);
            if (cached != null) {
                for (int i = 0; i < cached.size(); i++) {
                    result.put(scope.getValue().get(i), cached.get(i));
                }
                continue;
            }
            CelCompiler cel = environment(scope.getKey(), computedTypes);
            List<CompiledExpressions.Compiled> compiledScope = new ArrayList<>();
            try {
                CelValidationResult parsed = cel.parse(source.toString());
                if (parsed.hasError()) {
                    return null;
                }
                CelValidationResult checked = cel.check(parsed.getAst());
                if (checked.hasError()) {
                    return null;
                }
                CelAbstractSyntaxTree ast = checked.getAst();
                if (ast.getExpr().getKind() != CelExpr.ExprKind.Kind.LIST
                        || ast.getExpr().list().elements().size() != scope.getValue().size()) {
                    return null;
                }
                List<CelExpr> elements = ast.getExpr().list().elements();
                for (int i = 0; i < elements.size(); i++) {
                    CelExpr element = elements.get(i);
                    Optional<CelType> type = ast.getType(element.id());
                    if (type.isEmpty()) {
                        return null;
                    }
                    Set<String> references = new LinkedHashSet<>();
                    CelNavigableExpr.fromExpr(element).allNodes().forEach(node -> ast.getReference(node.id())
                            .filter(r -> !r.name().isEmpty()).ifPresent(r -> references.add(r.name())));
                    CelAbstractSyntaxTree own = CelAbstractSyntaxTree.newCheckedAst(element, ast.getSource(), ast.getReferenceMap(), ast.getTypeMap());
                    CompiledExpressions.Compiled one = new CompiledExpressions.Compiled(RUNTIME.createProgram(own), valueType(type.get()), references);
                    compiledScope.add(one);
                    result.put(scope.getValue().get(i), one);
                }
                COMPILED_TOGETHER.put(key, List.copyOf(compiledScope));
            } catch (CelValidationException | dev.cel.runtime.CelEvaluationException e) {
                return null;
            }
        }
        return result;
    }

    /**
     * The identifiers an expression names, from its parse tree alone (loop variables of macros
     * left out); empty when it does not parse (its compilation reports that).
     */
    private Optional<Set<String>> names(Site site) {
        String source = site.expression().source();
        Set<String> cached = NAMES.get(source);
        if (cached != null) {
            return Optional.of(cached);
        }
        CelValidationResult parsed = environment(site.repeatId(), Map.of()).parse(source);
        if (parsed.hasError()) {
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>();
        Set<String> bound = new HashSet<>();
        try {
            CelNavigableExpr.fromExpr(parsed.getAst().getExpr()).allNodes().forEach(node -> {
                CelExpr expr = node.expr();
                if (expr.getKind() == CelExpr.ExprKind.Kind.IDENT) {
                    names.add(expr.ident().name());
                } else if (expr.getKind() == CelExpr.ExprKind.Kind.COMPREHENSION) {
                    bound.add(expr.comprehension().iterVar());
                    bound.add(expr.comprehension().accuVar());
                }
            });
        } catch (CelValidationException e) {
            return Optional.empty();
        }
        names.removeAll(bound);
        Set<String> result = Set.copyOf(names);
        NAMES.put(source, result);
        return Optional.of(result);
    }

    /*
     * What does not change between loads is kept (the catalog reads forms/ again on every change
     * and the studio on every edit): environments by their declared variables, names by source,
     * and successful compilations by declared variables + source. A program depends on nothing
     * else, so a cached one is the one a new compilation would give. Failures are never cached:
     * their problems carry their place in the YAML.
     */
    private static final Map<String, CelCompiler> ENVIRONMENTS = lru(256);
    private static final Map<String, Set<String>> NAMES = lru(8192);
    private static final Map<String, CompiledExpressions.Compiled> COMPILED = lru(8192);
    private static final Map<String, List<CompiledExpressions.Compiled>> COMPILED_TOGETHER = lru(1024);

    /** Forgets what was kept across loads: the next load compiles every expression again (a first load's cost). */
    static void forgetKept() {
        ENVIRONMENTS.clear();
        NAMES.clear();
        COMPILED.clear();
        COMPILED_TOGETHER.clear();
    }

    private static <V> Map<String, V> lru(int size) {
        return java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > size;
            }
        });
    }

    private Optional<CompiledExpressions.Compiled> compileOne(Site site, Map<String, ValueType> computedTypes, ProblemSink problems) {
        String key = signature(site.repeatId(), computedTypes) + "\u0000" + site.expression().source();
        CompiledExpressions.Compiled cached = COMPILED.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<CompiledExpressions.Compiled> result = compileUncached(site, computedTypes, problems);
        result.ifPresent(c -> COMPILED.put(key, c));
        return result;
    }

    private Optional<CompiledExpressions.Compiled> compileUncached(Site site, Map<String, ValueType> computedTypes, ProblemSink problems) {
        CelCompiler cel = environment(site.repeatId(), computedTypes);
        Expression expression = site.expression();
        CelValidationResult parsed = cel.parse(expression.source());
        if (parsed.hasError()) {
            report(ProblemCode.EXPRESSION_SYNTAX, expression, parsed.getErrors(), problems,
                    "check brackets, quotes ('text') and operators (==, &&, ||)");
            return Optional.empty();
        }
        try {
            CelValidationResult checked = cel.check(parsed.getAst());
            if (checked.hasError()) {
                report(ProblemCode.EXPRESSION_TYPE, expression, checked.getErrors(), problems,
                        "names are item ids; convert numbers with double(...) or int(...)");
                return Optional.empty();
            }
            CelAbstractSyntaxTree ast = checked.getAst();
            Set<String> references = new LinkedHashSet<>();
            ast.getReferenceMap().values().forEach(r -> {
                if (!r.name().isEmpty()) {
                    references.add(r.name());
                }
            });
            return Optional.of(new CompiledExpressions.Compiled(RUNTIME.createProgram(ast), valueType(ast.getResultType()), references));
        } catch (CelValidationException e) {
            report(ProblemCode.EXPRESSION_TYPE, expression, e.getErrors(), problems, "");
            return Optional.empty();
        } catch (dev.cel.runtime.CelEvaluationException e) {
            problems.report(ProblemCode.EXPRESSION_TYPE, expression.at(), "expression \"" + abbreviate(expression.source())
                    + "\" cannot be prepared: " + firstLine(String.valueOf(e.getMessage())), "");
            return Optional.empty();
        }
    }

    /** The declared variables of a scope, by scope and state of the computed types (this form's). */
    private final Map<String, Map<String, CelType>> scopes = new HashMap<>();
    private final Map<String, String> signatures = new HashMap<>();

    private Map<String, CelType> variables(Optional<String> repeatId, Map<String, ValueType> computedTypes) {
        return scopes.computeIfAbsent(repeatId.orElse("") + "|" + new java.util.TreeMap<>(computedTypes),
                key -> declaredVariables(repeatId, computedTypes));
    }

    /** The variables as text: two scopes with the same signature check every expression alike. */
    private String signature(Optional<String> repeatId, Map<String, ValueType> computedTypes) {
        return signatures.computeIfAbsent(repeatId.orElse("") + "|" + new java.util.TreeMap<>(computedTypes), key -> {
            StringBuilder text = new StringBuilder();
            variables(repeatId, computedTypes).forEach((name, type) -> text.append(name).append(':').append(typeText(type)).append(';'));
            return text.toString();
        });
    }

    private static String typeText(CelType type) {
        return type.parameters().isEmpty() ? type.name()
                : type.name() + type.parameters().stream().map(ExpressionCompiler::typeText).collect(java.util.stream.Collectors.joining(",", "(", ")"));
    }

    /** Environments are costly to build; one per set of declared variables, kept across loads. */
    private CelCompiler environment(Optional<String> repeatId, Map<String, ValueType> computedTypes) {
        String signature = signature(repeatId, computedTypes);
        CelCompiler cached = ENVIRONMENTS.get(signature);
        if (cached != null) {
            return cached;
        }
        CelCompiler built = buildEnvironment(variables(repeatId, computedTypes));
        ENVIRONMENTS.put(signature, built);
        return built;
    }

    private static CelCompiler buildEnvironment(Map<String, CelType> vars) {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setStandardEnvironmentEnabled(false)
                .setStandardDeclarations(STANDARD_DECLARATIONS);
        vars.forEach(builder::addVar);
        return builder.build();
    }

    private Map<String, CelType> declaredVariables(Optional<String> repeatId, Map<String, ValueType> computedTypes) {
        Map<String, CelType> vars = new LinkedHashMap<>();
        topLevel.values().forEach(item -> celType(item, computedTypes).ifPresent(t -> vars.put(item.id(), t)));
        repeatId.map(repeats::get).ifPresent(repeat -> {
            // the row's own items, then the rows of the enclosing repeats are reachable by name as lists
            repeat.items().forEach(item -> celType(item, computedTypes).ifPresent(t -> vars.put(item.id(), t)));
            Optional.ofNullable(repeatOf.get(repeat.id())).map(repeats::get).ifPresent(outer ->
                    outer.items().forEach(item -> celType(item, computedTypes).ifPresent(t -> vars.putIfAbsent(item.id(), t))));
        });
        return vars;
    }

    private static Optional<CelType> celType(Item item, Map<String, ValueType> computedTypes) {
        ValueType type = item.valueType() == ValueType.COMPUTED
                ? computedTypes.getOrDefault(item.id(), ValueType.COMPUTED)
                : item.valueType();
        return switch (type) {
            case TEXT -> Optional.of(SimpleType.STRING);
            case TEXT_LIST -> Optional.of(ListType.create(SimpleType.STRING));
            case INTEGER -> Optional.of(SimpleType.INT);
            case DECIMAL -> Optional.of(SimpleType.DOUBLE);
            case BOOLEAN -> Optional.of(SimpleType.BOOL);
            case DATE -> Optional.of(SimpleType.TIMESTAMP);
            case ROWS -> Optional.of(ListType.create(MapType.create(SimpleType.STRING, SimpleType.DYN)));
            case COMPUTED -> Optional.of(SimpleType.DYN);
            case NONE -> Optional.empty();
        };
    }

    private static ValueType valueType(CelType type) {
        CelKind kind = type.kind();
        return switch (kind) {
            case STRING -> ValueType.TEXT;
            case INT, UINT -> ValueType.INTEGER;
            case DOUBLE -> ValueType.DECIMAL;
            case BOOL -> ValueType.BOOLEAN;
            case TIMESTAMP -> ValueType.DATE;
            case LIST -> type.parameters().size() == 1 && type.parameters().getFirst().kind() == CelKind.STRING
                    ? ValueType.TEXT_LIST : ValueType.ROWS;
            case DYN, ANY -> ValueType.COMPUTED;
            default -> ValueType.NONE;
        };
    }

    private static String describe(ValueType type) {
        return switch (type) {
            case TEXT -> "a text";
            case TEXT_LIST -> "a list of codes";
            case INTEGER -> "a whole number";
            case DECIMAL -> "a number";
            case BOOLEAN -> "yes/no";
            case DATE -> "a date";
            case ROWS -> "rows";
            case COMPUTED -> "a value of unknown type";
            case NONE -> "nothing";
        };
    }

    private static void report(ProblemCode code, Expression expression, List<CelIssue> issues, ProblemSink problems, String hint) {
        for (CelIssue issue : issues) {
            int line = Math.max(1, issue.getSourceLocation().getLine());
            int column = Math.max(0, issue.getSourceLocation().getColumn());
            SourcePosition at = line == 1
                    ? new SourcePosition(expression.at().source(), expression.at().line(), expression.at().column() + column)
                    // a later line of a block ('|'): its lines start at the block's indentation, like the first
                    : new SourcePosition(expression.at().source(), expression.at().line() + line - 1, expression.at().column() + column);
            problems.report(code, at, "expression \"" + abbreviate(expression.source()) + "\": " + firstLine(issue.getMessage()), hint);
        }
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static String abbreviate(String source) {
        String oneLine = source.replace('\n', ' ');
        return oneLine.length() > 60 ? oneLine.substring(0, 60) + "…" : oneLine;
    }

    /** Problem sinks used internally. */
    private static final class ProblemSinks {
        static final ProblemSink IGNORE = (code, at, message, hint) -> {
        };
    }
}
