package com.snapdesk.notify;

/** One email ready to send: the plain-text and the HTML alternative of the same content. */
public record RenderedMail(String subject, String text, String html) {}
