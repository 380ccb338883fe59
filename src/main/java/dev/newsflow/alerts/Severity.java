package dev.newsflow.alerts;

/** How urgent a subscription's alerts are; downstream systems route on it (page, ticket, digest). */
public enum Severity { INFO, WARNING, CRITICAL }
