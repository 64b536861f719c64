package org.parcours.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Rent and charges due and paid by a client for one month. */
@Entity
@Table(name = "masp_rent_payment")
class RentPayment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id")
    private long clientId;

    @Column(name = "month_start")
    private LocalDate monthStart;

    @Column(name = "amount_due")
    private BigDecimal amountDue;

    @Column(name = "amount_paid")
    private BigDecimal amountPaid;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    @Column(name = "recorded_by")
    private String recordedBy;

    protected RentPayment() {
    }

    RentPayment(long clientId, LocalDate monthStart, BigDecimal due, BigDecimal paid, Instant now, String author) {
        this.clientId = clientId;
        this.monthStart = monthStart;
        update(due, paid, now, author);
    }

    void update(BigDecimal due, BigDecimal paid, Instant now, String author) {
        this.amountDue = due;
        this.amountPaid = paid;
        this.recordedAt = now;
        this.recordedBy = author;
    }

    Long getId() { return id; }
    long getClientId() { return clientId; }
    LocalDate getMonthStart() { return monthStart; }
    BigDecimal getAmountDue() { return amountDue; }
    BigDecimal getAmountPaid() { return amountPaid; }
    String getRecordedBy() { return recordedBy; }
}
