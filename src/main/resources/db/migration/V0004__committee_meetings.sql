-- Committee meetings (issue 6): a meeting (date, chair, members present, open/closed), its
-- agenda (clients proposed by workers with a question) and the decisions taken on each item.
-- Decisions of a closed meeting are never changed: a correction is a new row pointing at the
-- decision it corrects (corrects_decision_id).

CREATE TABLE committee_meeting (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    meeting_date    DATE          NOT NULL,
    chair           VARCHAR(60)   NOT NULL,
    members_present VARCHAR(2000) NOT NULL,
    status          VARCHAR(10)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    closed_at       DATETIME(6)   NULL,
    closed_by       VARCHAR(60)   NULL,
    INDEX ix_committee_meeting_date (meeting_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE committee_agenda_item (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    meeting_id    BIGINT        NOT NULL,
    client_id     BIGINT        NOT NULL,
    question      VARCHAR(30)   NOT NULL,
    question_text VARCHAR(1000) NULL,
    proposed_by   VARCHAR(60)   NOT NULL,
    proposed_at   DATETIME(6)   NOT NULL,
    CONSTRAINT fk_committee_agenda_item_meeting FOREIGN KEY (meeting_id) REFERENCES committee_meeting (id),
    CONSTRAINT fk_committee_agenda_item_client FOREIGN KEY (client_id) REFERENCES client (id),
    INDEX ix_committee_agenda_item_client (client_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE committee_decision (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    agenda_item_id       BIGINT        NOT NULL,
    outcome              VARCHAR(20)   NOT NULL,
    motivation           VARCHAR(4000) NOT NULL,
    members              VARCHAR(2000) NOT NULL,
    decided_on           DATE          NOT NULL,
    recorded_by          VARCHAR(60)   NOT NULL,
    recorded_at          DATETIME(6)   NOT NULL,
    notified_on          DATE          NULL,
    corrects_decision_id BIGINT        NULL,
    CONSTRAINT fk_committee_decision_item FOREIGN KEY (agenda_item_id) REFERENCES committee_agenda_item (id),
    CONSTRAINT fk_committee_decision_corrects FOREIGN KEY (corrects_decision_id) REFERENCES committee_decision (id),
    INDEX ix_committee_decision_item (agenda_item_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
