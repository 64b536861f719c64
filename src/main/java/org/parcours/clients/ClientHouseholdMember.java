package org.parcours.clients;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "client_household_member")
class ClientHouseholdMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "full_name")
    private String fullName;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    private HouseholdRelationship relationship;

    private int position;

    protected ClientHouseholdMember() {
    }

    ClientHouseholdMember(HouseholdMember member, int position) {
        this.fullName = member.fullName();
        this.birthDate = member.birthDate();
        this.relationship = member.relationship();
        this.position = position;
    }

    HouseholdMember toRecord() {
        return new HouseholdMember(fullName, birthDate, relationship);
    }
}
