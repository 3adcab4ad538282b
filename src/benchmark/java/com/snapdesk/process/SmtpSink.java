package com.snapdesk.process;

import com.snapdesk.support.MailMessages;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An SMTP server for the load benchmark that keeps each message's bytes and does nothing else. GreenMail parses
 * every message into MIME parts and a mailbox on arrival: about 11 ms of CPU per verification email in this JVM,
 * on the same two cores as the node it measures, which the bare process (no email) never pays. The node still holds
 * a full SMTP conversation per email; only the receiving end is cheap. Messages are parsed when asked for.
 */
final class SmtpSink implements AutoCloseable {

  private final ServerSocket server;
  private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "smtp-sink");
    t.setDaemon(true);
    return t;
  });
  private final ConcurrentLinkedQueue<byte[]> received = new ConcurrentLinkedQueue<>();

  SmtpSink() throws IOException {
    server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    connections.submit(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  List<MailMessages.Mail> mails() {
    Session session = Session.getInstance(new Properties());
    return received.stream().map(bytes -> {
      try {
        return MailMessages.read(new MimeMessage(session, new ByteArrayInputStream(bytes)));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.submit(() -> converse(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void converse(Socket socket) {
    try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
         OutputStream out = socket.getOutputStream()) {
      reply(out, "220 sink ESMTP");
      for (String line; (line = readLine(in)) != null; ) {
        String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
        switch (command) {
          case "EHLO" -> reply(out, "250-sink\r\n250 8BITMIME");
          case "DATA" -> {
            reply(out, "354 end with <CRLF>.<CRLF>");
            received.add(readData(in));
            reply(out, "250 queued");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "250 ok"); // HELO, MAIL, RCPT, RSET, NOOP
        }
      }
    } catch (IOException dropped) {
      // the client went away; what it sent in full is kept
    }
  }

  private static byte[] readData(InputStream in) throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream(8192);
    for (String line; (line = readLine(in)) != null && !line.equals("."); ) {
      message.write((line.startsWith(".") ? line.substring(1) : line).getBytes(StandardCharsets.ISO_8859_1));
      message.write('\r');
      message.write('\n');
    }
    return message.toByteArray();
  }

  /** One line without its CRLF, bytes kept as they are (ISO-8859-1 maps each byte to one char), or null at the end. */
  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder(128);
    for (int b; (b = in.read()) != -1; ) {
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') line.setLength(end - 1);
        return line.toString();
      }
      line.append((char) b);
    }
    return line.isEmpty() ? null : line.toString();
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    connections.shutdownNow();
  }
}
