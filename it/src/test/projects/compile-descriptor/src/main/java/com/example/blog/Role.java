package com.example.blog;

/** Declared out of alphabetical order, so the descriptor must keep declaration order. */
public enum Role {
    READER, AUTHOR, ADMIN
}
