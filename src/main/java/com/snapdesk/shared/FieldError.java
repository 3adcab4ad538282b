package com.snapdesk.shared;

/** One problem with one input field, in words a customer understands. */
public record FieldError(String field, String message) {}
