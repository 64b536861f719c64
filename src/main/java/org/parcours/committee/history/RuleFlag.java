package org.parcours.committee.history;

import org.parcours.formdef.LocalizedText;

/**
 * A declared rule (forms/programmes) that speaks about a client on a reference date: its
 * programme and rule ids (for element ids and the audit), how strongly it speaks, and what it
 * means, in the three languages, with its policy numbers filled in.
 */
public record RuleFlag(String programmeId, String ruleId, String severity, LocalizedText message) {
}
