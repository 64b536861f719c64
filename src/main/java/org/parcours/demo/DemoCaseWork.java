package org.parcours.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

import org.parcours.aid.AidRequestDetails;
import org.parcours.aid.AidService;
import org.parcours.aid.SchemeDecision;
import org.parcours.aid.SchemeView;
import org.parcours.committee.AgendaQuestion;
import org.parcours.committee.DecisionOutcome;
import org.parcours.committee.MeetingService;
import org.parcours.committee.MeetingService.DecisionInput;
import org.parcours.committee.RuleRefusedException;
import org.parcours.contracts.ContractDetails;
import org.parcours.contracts.ContractService;
import org.parcours.evaluations.EvaluationService;
import org.parcours.security.Role;
import org.parcours.security.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo's case work beside the IMASP measurements, so that a first start shows every part of the
 * product: per team a signed MASP contract due for its evaluation and a running one, a CASU aid
 * request with decided schemes and one still pending, a social support plan; a committee member,
 * a closed meeting with its decisions (one notified) and an open meeting with proposals waiting.
 * Everything goes through the real services as the client's worker or the committee member.
 * Which client gets what is fixed by its place in its team (no randomness), and a proposal or a
 * decision the programmes' rules refuse is left out, so the same plan always gives the same data.
 * The answers are data, in {@code demo/*.properties} beside the forms they fill.
 */
@Component
public class DemoCaseWork {

    static final String SUPPORT_PLAN = "support-plan";

    private static final Logger log = LoggerFactory.getLogger(DemoCaseWork.class);

    /** What was written, for the log and the tests. */
    public record Result(String committeeUser, List<Long> meetingIds, List<Long> agendaItemIds, List<Long> decisionIds,
                  List<Long> aidRequestIds, List<Long> contractIds, List<Long> supportPlanIds) {
    }

    /** One team's clients (ids, plan order) and the worker of each. */
    record Team(List<Long> clientIds, List<String> workers) {
    }

    private final UserAccounts accounts;
    private final MeetingService meetings;
    private final AidService aid;
    private final ContractService contracts;
    private final EvaluationService evaluations;

    DemoCaseWork(UserAccounts accounts, MeetingService meetings, AidService aid, ContractService contracts, EvaluationService evaluations) {
        this.accounts = accounts;
        this.meetings = meetings;
        this.aid = aid;
        this.contracts = contracts;
        this.evaluations = evaluations;
    }

    public static String committeeUser(long seed) {
        return "demo" + seed + "-committee";
    }

    Result write(long seed, LocalDate until, List<String> teamNames, List<Team> teams, String password) {
        String committee = committeeUser(seed);
        accounts.create(committee, password, "Comité démo " + seed, Set.of(Role.COMMITTEE), Set.copyOf(teamNames));
        List<Long> contractIds = new ArrayList<>();
        List<Long> aidIds = new ArrayList<>();
        List<Long> planIds = new ArrayList<>();
        for (int t = 0; t < teams.size(); t++) {
            Team team = teams.get(t);
            // ends a month after "until": its evaluation is due (masp.evaluate_before_end)
            contractIds.add(contract(team, 0, until.minusMonths(5)));
            if (team.clientIds().size() > 1) {
                contractIds.add(contract(team, 1, until.minusMonths(1)));
            }
            aidIds.add(aidRequest(team, 2, until.minusDays(5), true));
            aidIds.add(aidRequest(team, 3, until.minusDays(2), false));
            planIds.add(supportPlan(team, 0, until.minusMonths(2), until.plusMonths(6)));
        }

        List<String> members = List.of(committee, "Présidence du CPAS", "Conseil de l'action sociale");
        List<Long> meetingIds = new ArrayList<>();
        List<Long> itemIds = new ArrayList<>();
        List<Long> decisionIds = new ArrayList<>();
        LocalDate pastDay = until.minusDays(21);
        long past = as(committee, Role.COMMITTEE, () -> meetings.create(pastDay, members).id());
        meetingIds.add(past);
        for (Team team : teams) {
            propose(team, 2, past, AgendaQuestion.AID_REQUEST, null, itemIds).ifPresent(item -> decide(committee, item,
                    DecisionOutcome.GRANTED, "Aide accordée : la situation est établie par la demande CASU.", decisionIds));
            propose(team, 0, past, AgendaQuestion.CONTRACT_RENEWAL, null, itemIds).ifPresent(item -> decide(committee, item,
                    DecisionOutcome.POSTPONED, "À revoir après l'évaluation du contrat en cours.", decisionIds));
            propose(team, 4, past, AgendaQuestion.SOCIAL_ONLY, null, itemIds).ifPresent(item -> decide(committee, item,
                    DecisionOutcome.REFUSED, "Les conditions de l'activation sociale seule ne sont pas réunies.", decisionIds));
        }
        as(committee, Role.COMMITTEE, () -> meetings.close(past));
        if (!decisionIds.isEmpty()) {
            as(committee, Role.COMMITTEE, () -> meetings.recordNotification(decisionIds.getFirst(), pastDay.plusDays(3)));
        }
        long open = as(committee, Role.COMMITTEE, () -> meetings.create(until.plusDays(7), members).id());
        meetingIds.add(open);
        for (Team team : teams) {
            propose(team, 5, open, AgendaQuestion.OTHER, "Point sur l'accompagnement et les prochaines étapes", itemIds);
            propose(team, 1, open, AgendaQuestion.AID_REQUEST, null, itemIds);
        }
        return new Result(committee, List.copyOf(meetingIds), List.copyOf(itemIds), List.copyOf(decisionIds),
                List.copyOf(aidIds), List.copyOf(contractIds), List.copyOf(planIds));
    }

    /** A contract for 6 months from {@code start}, agreed and signed that day. */
    private long contract(Team team, int place, LocalDate start) {
        long client = client(team, place);
        Map<String, String> text = answers("masp-contract", Map.of("start", start.toString(), "months", "6", "adhesion", start.toString()));
        return as(worker(team, place), Role.WORKER, () -> {
            ContractDetails draft = contracts.draft(client);
            return contracts.sign(draft.id(), draft.lockVersion(), text, start).id();
        });
    }

    private long aidRequest(Team team, int place, LocalDate decidedOn, boolean decide) {
        long client = client(team, place);
        return as(worker(team, place), Role.WORKER, () -> {
            AidRequestDetails draft = aid.create(client);
            Map<String, String> answers = new HashMap<>(draft.answers());
            answers.putAll(answers("casu", Map.of()));
            AidRequestDetails submitted = aid.submit(draft.id(), draft.lockVersion(), answers);
            if (decide) {
                List<SchemeView> schemes = submitted.schemes();
                aid.decide(submitted.id(), schemes.get(0).id(), SchemeDecision.GRANTED, null, "Banque alimentaire", decidedOn, null);
                SchemeView partly = schemes.get(1);
                BigDecimal half = partly.amountRequested().orElseThrow().divide(BigDecimal.TWO, 2, RoundingMode.HALF_UP);
                aid.decide(submitted.id(), partly.id(), SchemeDecision.PARTLY_GRANTED, half, "Commission FSL", decidedOn,
                        "Plafond du règlement du fonds");
            }
            return submitted.id();
        });
    }

    private long supportPlan(Team team, int place, LocalDate start, LocalDate target) {
        long client = client(team, place);
        Map<String, String> answers = answers(SUPPORT_PLAN, Map.of("start", start.toString(), "target", target.toString()));
        return as(worker(team, place), Role.WORKER,
                () -> evaluations.submit(evaluations.blank(client, SUPPORT_PLAN), answers).id().orElseThrow());
    }

    private Optional<Long> propose(Team team, int place, long meeting, AgendaQuestion question, String text, List<Long> items) {
        long client = client(team, place);
        try {
            long item = as(worker(team, place), Role.WORKER, () -> meetings.propose(meeting, client, question, text));
            items.add(item);
            return Optional.of(item);
        } catch (RuleRefusedException refused) {
            log.debug("demo: the rules refuse proposing client {} ({}): left out", client, question);
            return Optional.empty();
        }
    }

    private void decide(String committee, long item, DecisionOutcome outcome, String motivation, List<Long> decisions) {
        try {
            decisions.add(as(committee, Role.COMMITTEE, () -> meetings.recordDecision(item, new DecisionInput(outcome, motivation, null)).id()));
        } catch (RuleRefusedException refused) {
            log.debug("demo: the rules refuse deciding {} on agenda item {}: left undecided", outcome, item);
        }
    }

    private static long client(Team team, int place) {
        return team.clientIds().get(place % team.clientIds().size());
    }

    private static String worker(Team team, int place) {
        return team.workers().get(place % team.workers().size());
    }

    /** The answers of {@code demo/<form>.properties}, each {@code ${name}} replaced by its value. */
    static Map<String, String> answers(String form, Map<String, String> values) {
        Properties properties = new Properties();
        try (InputStream in = DemoCaseWork.class.getResourceAsStream("/demo/" + form + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("The demo answers demo/" + form + ".properties are missing from the class path");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo/" + form + ".properties", e);
        }
        Map<String, String> answers = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            for (Map.Entry<String, String> v : values.entrySet()) {
                value = value.replace("${" + v.getKey() + "}", v.getValue());
            }
            if (value.contains("${")) {
                throw new IllegalStateException("demo/" + form + ".properties: no value for " + value + " (" + key + ")");
            }
            answers.put(key, value);
        }
        return answers;
    }

    static <T> T as(String username, Role role, Supplier<T> action) {
        Authentication previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, "n/a", List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
