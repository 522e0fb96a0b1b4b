package com.example.blog;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** Its table is named "User", a reserved word in SQL. */
@Entity
public class User {

    @Id
    @GeneratedValue
    private Long id;

    private String email;

    @Enumerated(EnumType.STRING)
    private Role role;

    private int loginCount;
}
