package org.parcours.formdef.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parcours.formdef.Expression;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.Item;
import org.parcours.formdef.Policy;
import org.parcours.formdef.ProblemCode;
import org.parcours.formdef.SourcePosition;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.Program;

/**
 * Type-checks the conditions of a programme with CEL. Their variables (forms/README.md,
 * "Programmes"):
 * <ul>
 * <li>the client: {@code today}, {@code age} (whole years on {@code today}, -1 when the birth date is
 * unknown), {@code status} ({@code followed}, {@code social-only}, {@code closed}), {@code status_since},
 * {@code follow_up_start}, {@code permanently_unfit};</li>
 * <li>the client's history with the programme's form: {@code measurements} (submitted evaluations),
 * {@code has_measurement}, {@code last_measured}, {@code problem_run} (scale item id to the number of
 * newest consecutive measurements in which it is a problem value), {@code max_problem_run};</li>
 * <li>the answers of the newest measurement: {@code answers.<item id>}, typed as in form expressions;</li>
 * <li>the policy numbers: {@code policy.<path>} (whole numbers as int, others as text);</li>
 * <li>with {@code each: factor}: {@code factor} (a scale item id) and {@code factor_run};</li>
 * <li>in a transition's guard: {@code state}, the state of the subject it leaves ('' elsewhere);</li>
 * <li>the function {@code add_period(timestamp, 'P3M')}.</li>
 * </ul>
 */
public final class RuleCompiler {

    static final String ADD_PERIOD = "add_period_timestamp_string";
    private static final CelOptions OPTIONS = CelOptions.current().comprehensionMaxIterations(10_000).build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS)
            .addFunctionBindings(CelFunctionBinding.from(ADD_PERIOD, Object.class, String.class, RuleCompiler::addPeriod))
            .build();

    /** The client and history variables, by name and type. */
    static final Map<String, CelType> CLIENT_VARIABLES = clientVariables();

    interface ProblemSink {
        void report(ProblemCode code, SourcePosition at, String message, String hint);
    }

    private final Map<String, CelCompiler> environments = new HashMap<>();
    private final Map<Expression, Program> programs = new HashMap<>();
    private final Optional<FormDefinition> form;
    private final Optional<Policy> policy;

    RuleCompiler(Optional<FormDefinition> form, Optional<Policy> policy) {
        this.form = form;
        this.policy = policy;
    }

    /** Compiles a condition that must give true or false; problems are reported at its place. */
    void compile(Expression condition, boolean eachFactor, ProblemSink problems) {
        CelCompiler cel = environments.computeIfAbsent(eachFactor ? "factor" : "", k -> environment(eachFactor));
        CelValidationResult parsed = cel.parse(condition.source());
        if (parsed.hasError()) {
            report(ProblemCode.EXPRESSION_SYNTAX, condition, parsed.getErrors(), problems,
                    "check brackets, quotes ('text') and operators (==, &&, ||)");
            return;
        }
        try {
            CelValidationResult checked = cel.check(parsed.getAst());
            if (checked.hasError()) {
                report(ProblemCode.EXPRESSION_TYPE, condition, checked.getErrors(), problems,
                        "names are client facts (age, status...), answers.<item>, policy.<path>; see forms/README.md");
                return;
            }
            CelKind kind = checked.getAst().getResultType().kind();
            if (kind != CelKind.BOOL && kind != CelKind.DYN) {
                problems.report(ProblemCode.EXPRESSION_TYPE, condition.at(), "the condition must give true or false, not "
                        + kind.name().toLowerCase(java.util.Locale.ROOT), "compare values, e.g. \"age >= policy.imasp.social_only_age\"");
                return;
            }
            programs.put(condition, RUNTIME.createProgram(checked.getAst()));
        } catch (CelValidationException e) {
            report(ProblemCode.EXPRESSION_TYPE, condition, e.getErrors(), problems, "");
        } catch (CelEvaluationException e) {
            problems.report(ProblemCode.EXPRESSION_TYPE, condition.at(), "the condition cannot be prepared: " + e.getMessage(), "");
        }
    }

    CompiledRules result() {
        return new CompiledRules(programs);
    }

    private CelCompiler environment(boolean eachFactor) {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addFunctionDeclarations(CelFunctionDecl.newFunctionDeclaration("add_period",
                        CelOverloadDecl.newGlobalOverload(ADD_PERIOD, SimpleType.TIMESTAMP, SimpleType.TIMESTAMP, SimpleType.STRING)));
        Map<String, CelType> vars = new LinkedHashMap<>(CLIENT_VARIABLES);
        if (eachFactor) {
            vars.put("factor", SimpleType.STRING);
            vars.put("factor_run", SimpleType.INT);
        }
        form.ifPresent(f -> f.items().forEach(item -> answerType(item).ifPresent(t -> vars.put("answers." + item.id(), t))));
        policy.ifPresent(p -> p.values().forEach((path, value) -> vars.put("policy." + path, policyType(value))));
        vars.forEach(builder::addVar);
        return builder.build();
    }

    private static Map<String, CelType> clientVariables() {
        Map<String, CelType> vars = new LinkedHashMap<>();
        vars.put("today", SimpleType.TIMESTAMP);
        vars.put("age", SimpleType.INT);
        vars.put("status", SimpleType.STRING);
        vars.put("status_since", SimpleType.TIMESTAMP);
        vars.put("follow_up_start", SimpleType.TIMESTAMP);
        vars.put("permanently_unfit", SimpleType.BOOL);
        vars.put("measurements", SimpleType.INT);
        vars.put("has_measurement", SimpleType.BOOL);
        vars.put("last_measured", SimpleType.TIMESTAMP);
        vars.put("problem_run", MapType.create(SimpleType.STRING, SimpleType.INT));
        vars.put("max_problem_run", SimpleType.INT);
        vars.put("state", SimpleType.STRING);
        return java.util.Collections.unmodifiableMap(vars);
    }

    /** The CEL type of a policy value as the rules see it: whole numbers are int, the rest text. */
    static CelType policyType(String value) {
        return policyValue(value) instanceof Long ? SimpleType.INT : SimpleType.STRING;
    }

    /** A policy value as the rules see it (see {@link #policyType}). */
    public static Object policyValue(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static Optional<CelType> answerType(Item item) {
        return switch (item.valueType()) {
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

    /** {@code add_period(t, 'P3M')}: the timestamp's day (UTC) plus the period, at the same time of day. */
    static Object addPeriod(Object timestamp, String period) {
        Period parsed;
        try {
            parsed = Period.parse(period);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + period + "' is not an ISO period such as P3M");
        }
        if (timestamp instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC).plus(parsed).toInstant();
        }
        if (timestamp instanceof com.google.protobuf.Timestamp proto) {
            Instant moved = Instant.ofEpochSecond(proto.getSeconds(), proto.getNanos()).atOffset(ZoneOffset.UTC).plus(parsed).toInstant();
            return com.google.protobuf.Timestamp.newBuilder().setSeconds(moved.getEpochSecond()).setNanos(moved.getNano()).build();
        }
        throw new IllegalArgumentException("add_period needs a timestamp");
    }

    /** The start of a day as the timestamp the rules compare. */
    public static Instant timestamp(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static void report(ProblemCode code, Expression expression, List<CelIssue> issues, ProblemSink problems, String hint) {
        for (CelIssue issue : issues) {
            int line = Math.max(1, issue.getSourceLocation().getLine());
            int column = Math.max(0, issue.getSourceLocation().getColumn());
            SourcePosition at = new SourcePosition(expression.at().source(), expression.at().line() + line - 1,
                    expression.at().column() + column);
            String message = issue.getMessage().lines().findFirst().orElse("");
            problems.report(code, at, "condition \"" + abbreviate(expression.source()) + "\": " + message, hint);
        }
    }

    private static String abbreviate(String source) {
        String oneLine = source.replace('\n', ' ');
        return oneLine.length() > 60 ? oneLine.substring(0, 60) + "…" : oneLine;
    }
}
