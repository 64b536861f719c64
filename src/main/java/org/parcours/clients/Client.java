package org.parcours.clients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

@Entity
@Table(name = "client")
class Client {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "team_id")
    private long teamId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "national_register_number")
    private String nationalRegisterNumber;

    private String phone;

    private String email;

    private String address;

    @Column(name = "responsible_worker_id")
    private Long responsibleWorkerId;

    @Column(name = "follow_up_start")
    private LocalDate followUpStart;

    @Enumerated(EnumType.STRING)
    private ClientStatus status = ClientStatus.FOLLOWED;

    @Column(name = "status_since")
    private LocalDate statusSince;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "permanently_unfit_since")
    private LocalDate permanentlyUnfitSince;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "client_id", nullable = false)
    @OrderBy("position")
    @Fetch(FetchMode.SUBSELECT)
    private List<ClientHouseholdMember> household = new ArrayList<>();

    @Version
    private long version;

    protected Client() {
    }

    Client(String firstName, String lastName, LocalDate birthDate, long teamId, Instant createdAt, String createdBy) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.birthDate = birthDate;
        this.teamId = teamId;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    Long getId() {
        return id;
    }

    String getFirstName() {
        return firstName;
    }

    String getLastName() {
        return lastName;
    }

    LocalDate getBirthDate() {
        return birthDate;
    }

    long getTeamId() {
        return teamId;
    }

    String getNationalRegisterNumber() {
        return nationalRegisterNumber;
    }

    String getPhone() {
        return phone;
    }

    String getEmail() {
        return email;
    }

    String getAddress() {
        return address;
    }

    Long getResponsibleWorkerId() {
        return responsibleWorkerId;
    }

    LocalDate getFollowUpStart() {
        return followUpStart;
    }

    ClientStatus getStatus() {
        return status;
    }

    LocalDate getStatusSince() {
        return statusSince;
    }

    String getStatusReason() {
        return statusReason;
    }

    LocalDate getPermanentlyUnfitSince() {
        return permanentlyUnfitSince;
    }

    void setPermanentlyUnfitSince(LocalDate since) {
        this.permanentlyUnfitSince = since;
    }

    List<HouseholdMember> getHousehold() {
        return household.stream().map(ClientHouseholdMember::toRecord).toList();
    }

    void setIdentity(String firstName, String lastName, LocalDate birthDate, String nationalRegisterNumber) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.birthDate = birthDate;
        this.nationalRegisterNumber = nationalRegisterNumber;
    }

    void setContact(String phone, String email, String address) {
        this.phone = phone;
        this.email = email;
        this.address = address;
    }

    void setFollowUpStart(LocalDate followUpStart) {
        this.followUpStart = followUpStart;
    }

    void setStatus(ClientStatus status, LocalDate since, String reason) {
        this.status = status;
        this.statusSince = since;
        this.statusReason = reason;
    }

    void setHousehold(List<HouseholdMember> members) {
        household.clear();
        for (int i = 0; i < members.size(); i++) {
            household.add(new ClientHouseholdMember(members.get(i), i));
        }
    }

    void assign(long teamId, Long responsibleWorkerId) {
        this.teamId = teamId;
        this.responsibleWorkerId = responsibleWorkerId;
    }
}
