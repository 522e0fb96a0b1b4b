package com.example.shop;

/** Not annotated: neither an entity nor an embeddable. */
public class Address {

    private String street;

    private String city;
}
