package com.example.workshop;

public enum InvitationStatus {
    PENDING,
    ACCEPTED,
    DECLINED
}
