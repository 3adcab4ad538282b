package com.snapdesk.support;

import static org.awaitility.Awaitility.await;

import com.snapdesk.support.MailMessages.Mail;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requester's side of the double opt-in, as a customer does it: read the "Confirm your backup request" email,
 * take the token from its link, confirm. Works with any mailbox (GreenMail, the .eml outbox) and any node.
 */
public final class Requester {

  public static final String VERIFICATION_SUBJECT = "Confirm your backup request";
  private static final Pattern LINK = Pattern.compile("/tickets/([A-Z0-9-]+)\\?token=([A-Za-z0-9_-]{43})");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Requester() {}

  /** The token in the status link of the first of these mails about {@code ticketId}. */
  public static Optional<String> token(List<Mail> mails, String ticketId) {
    for (Mail mail : mails) {
      if (!mail.subject().contains(ticketId)) continue;
      Matcher m = LINK.matcher(mail.text());
      while (m.find()) {
        if (m.group(1).equals(ticketId)) return Optional.of(m.group(2));
      }
    }
    return Optional.empty();
  }

  /** Waits for the ticket's verification email and returns its link's token, without confirming. */
  public static String awaitVerificationToken(String ticketId, Supplier<List<Mail>> mailbox, Duration atMost) {
    return await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> token(mailbox.get().stream()
            .filter(m -> m.subject().contains(VERIFICATION_SUBJECT)).toList(), ticketId), Optional::isPresent)
        .orElseThrow();
  }

  /** Confirms over the API ({@code POST /api/tickets/{id}/verify}) and answers the HTTP status. */
  public static int verify(String baseUrl, String ticketId, String token) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/tickets/" + ticketId + "/verify"))
          .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody())
          .timeout(Duration.ofSeconds(30)).build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The whole opt-in: waits for the email, confirms with its token (retrying while the ticket is busy). */
  public static String confirm(String baseUrl, String ticketId, Supplier<List<Mail>> mailbox) {
    String token = awaitVerificationToken(ticketId, mailbox, Duration.ofSeconds(60));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> verify(baseUrl, ticketId, token), status -> status == 202);
    return token;
  }
}
