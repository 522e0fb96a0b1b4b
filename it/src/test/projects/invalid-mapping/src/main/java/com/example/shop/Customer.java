package com.example.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Customer {

    @Id
    private Long id;

    private String name;

    /** The mistake: Address is a plain class, not an entity. */
    @ManyToOne
    private Address billingAddress;
}
