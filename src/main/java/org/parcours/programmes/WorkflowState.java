package org.parcours.programmes;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Where a client stands in a declared workflow of subject {@code client}, since when. */
@Entity
@Table(name = "programme_workflow_state")
class WorkflowState {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id")
    private long clientId;

    @Column(name = "programme_id")
    private String programmeId;

    @Column(name = "workflow_id")
    private String workflowId;

    private String state;

    @Column(name = "entered_on")
    private LocalDate enteredOn;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version;

    protected WorkflowState() {
    }

    WorkflowState(long clientId, String programmeId, String workflowId, String state, LocalDate enteredOn, Instant now, String by) {
        this.clientId = clientId;
        this.programmeId = programmeId;
        this.workflowId = workflowId;
        moveTo(state, enteredOn, now, by);
    }

    void moveTo(String newState, LocalDate on, Instant now, String by) {
        if (!newState.equals(state)) {
            enteredOn = on;
        }
        state = newState;
        updatedAt = now;
        updatedBy = by;
    }

    String getState() { return state; }
    LocalDate getEnteredOn() { return enteredOn; }
    String getProgrammeId() { return programmeId; }
    String getWorkflowId() { return workflowId; }
}
