package com.snapdesk.ticket.persistence;

import com.snapdesk.project.Environment;
import com.snapdesk.recovery.ResolutionPolicy;
import com.snapdesk.recovery.Scope;
import com.snapdesk.ticket.RejectionReason;
import com.snapdesk.ticket.RequestedMoment;
import com.snapdesk.ticket.Ticket;
import com.snapdesk.ticket.TicketEvent;
import com.snapdesk.ticket.TicketMessage;
import com.snapdesk.ticket.TicketRepository;
import com.snapdesk.ticket.TicketStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTicketRepository implements TicketRepository {

  private final JdbcClient jdbc;

  JdbcTicketRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(Ticket t) {
    RequestedMoment m = t.moment();
    jdbc.sql("""
            insert into ticket (id, customer_email, customer_name, project_id, environment, scope, policy,
              requested_date, requested_time, timezone, utc_offset, requested_instant, earlier_offset_assumed,
              ambiguous_local_time, reason, status, created_at, updated_at)
            values (:id, :email, :name, :project, :env, :scope, :policy, :date, :time, :zone, :offset,
              :instant, :earlier, :ambiguous, :reason, :status, :created, :created)""")
        .param("id", t.id())
        .param("email", t.customerEmail())
        .param("name", t.customerName())
        .param("project", t.projectId())
        .param("env", t.environment().name())
        .param("scope", t.scope().name())
        .param("policy", t.policy().name())
        .param("date", m.date())
        .param("time", m.time().toString())
        .param("zone", m.zone().getId())
        .param("offset", m.offset().getId())
        .param("instant", odt(m.instant()))
        .param("earlier", m.earlierOffsetAssumed())
        .param("ambiguous", m.ambiguous())
        .param("reason", t.reason())
        .param("status", t.status().name())
        .param("created", odt(t.createdAt()))
        .update();
  }

  @Override
  public boolean exists(String ticketId) {
    return jdbc.sql("select count(*) from ticket where id = :id").param("id", ticketId).query(Integer.class).single() > 0;
  }

  @Override
  public Optional<Ticket> find(String ticketId) {
    return jdbc.sql("select * from ticket where id = :id").param("id", ticketId).query(this::map).optional();
  }

  @Override
  public void addAccessToken(String ticketId, String tokenHash, String issuedFor, Instant at) {
    jdbc.sql("insert into ticket_access_token (token_hash, ticket_id, issued_for, issued_at) values (:h, :id, :f, :at)")
        .param("h", tokenHash).param("id", ticketId).param("f", issuedFor).param("at", odt(at))
        .update();
  }

  @Override
  public boolean hasAccessToken(String ticketId, String tokenHash) {
    return jdbc.sql("select count(*) from ticket_access_token where ticket_id = :id and token_hash = :h")
        .param("id", ticketId).param("h", tokenHash).query(Integer.class).single() > 0;
  }

  @Override
  public void updateStatus(String ticketId, TicketStatus status, String detail, Instant at) {
    jdbc.sql("update ticket set status = :status, status_detail = :detail, updated_at = :at where id = :id")
        .param("status", status.name()).param("detail", detail).param("at", odt(at)).param("id", ticketId)
        .update();
  }

  @Override
  public void reject(String ticketId, RejectionReason reason, String detail, Instant at) {
    jdbc.sql("update ticket set rejection_reason = :reason, status_detail = :detail, updated_at = :at where id = :id")
        .param("reason", reason.name()).param("detail", detail).param("at", odt(at)).param("id", ticketId)
        .update();
  }

  @Override
  public void saveResolution(String ticketId, Ticket.PointRef resolved, String retentionTier, String note, Instant at) {
    jdbc.sql("""
            update ticket set resolved_point_id = :pid, resolved_point_at = :pat, chosen_point_id = :pid,
              chosen_point_at = :pat, retention_tier = :tier, resolution_note = :note, updated_at = :at
            where id = :id""")
        .param("pid", resolved == null ? null : resolved.id())
        .param("pat", resolved == null ? null : odt(resolved.createdAt()))
        .param("tier", retentionTier).param("note", note).param("at", odt(at)).param("id", ticketId)
        .update();
  }

  @Override
  public void saveChosenPoint(String ticketId, Ticket.PointRef chosen, Instant at) {
    jdbc.sql("update ticket set chosen_point_id = :pid, chosen_point_at = :pat, updated_at = :at where id = :id")
        .param("pid", chosen.id()).param("pat", odt(chosen.createdAt())).param("at", odt(at)).param("id", ticketId)
        .update();
  }

  @Override
  public void saveDelivery(String ticketId, Ticket.Delivery d, Instant at) {
    jdbc.sql("""
            update ticket set recovery_id = :rid, delivery_location = :loc, delivery_node = :node,
              delivery_device = :dev, delivered_at = :delivered, expires_at = :expires, updated_at = :at
            where id = :id""")
        .param("rid", d.recoveryId()).param("loc", d.location()).param("node", d.node()).param("dev", d.device())
        .param("delivered", odt(d.deliveredAt())).param("expires", odt(d.expiresAt()))
        .param("at", odt(at)).param("id", ticketId)
        .update();
  }

  @Override
  public void addEvent(String ticketId, TicketEvent e) {
    jdbc.sql("insert into ticket_event (ticket_id, occurred_at, type, actor, detail) values (:id, :at, :type, :actor, :detail)")
        .param("id", ticketId).param("at", odt(e.at())).param("type", e.type()).param("actor", e.actor())
        .param("detail", e.detail())
        .update();
  }

  @Override
  public List<TicketEvent> events(String ticketId) {
    return jdbc.sql("select * from ticket_event where ticket_id = :id order by occurred_at, id")
        .param("id", ticketId)
        .query((rs, n) -> new TicketEvent(instant(rs, "occurred_at"), rs.getString("type"), rs.getString("actor"),
            rs.getString("detail")))
        .list();
  }

  @Override
  public void addMessage(String ticketId, TicketMessage m) {
    jdbc.sql("""
            insert into ticket_message (ticket_id, sent_at, author_type, author, text)
            values (:id, :at, :type, :author, :text)""")
        .param("id", ticketId).param("at", odt(m.at())).param("type", m.authorType().name())
        .param("author", m.author()).param("text", m.text())
        .update();
  }

  @Override
  public List<TicketMessage> messages(String ticketId) {
    return jdbc.sql("select * from ticket_message where ticket_id = :id order by sent_at, id")
        .param("id", ticketId)
        .query((rs, n) -> new TicketMessage(instant(rs, "sent_at"),
            TicketMessage.Author.valueOf(rs.getString("author_type")), rs.getString("author"), rs.getString("text")))
        .list();
  }

  @Override
  public Optional<IdempotencyRecord> findIdempotency(String keyHash) {
    return jdbc.sql("select * from idempotency_key where key_hash = :k").param("k", keyHash)
        .query((rs, n) -> new IdempotencyRecord(rs.getString("key_hash"), rs.getString("request_hash"),
            rs.getString("ticket_id"), instant(rs, "created_at")))
        .optional();
  }

  @Override
  public void insertIdempotency(IdempotencyRecord r) {
    jdbc.sql("""
            insert into idempotency_key (key_hash, request_hash, ticket_id, created_at)
            values (:k, :r, :t, :c)""")
        .param("k", r.keyHash()).param("r", r.requestHash()).param("t", r.ticketId())
        .param("c", odt(r.createdAt()))
        .update();
  }

  private Ticket map(ResultSet rs, int row) throws SQLException {
    ZoneId zone = ZoneId.of(rs.getString("timezone"));
    RequestedMoment moment = new RequestedMoment(
        rs.getObject("requested_date", java.time.LocalDate.class),
        LocalTime.parse(rs.getString("requested_time")),
        zone,
        ZoneOffset.of(rs.getString("utc_offset")),
        instant(rs, "requested_instant"),
        rs.getBoolean("ambiguous_local_time"),
        rs.getBoolean("earlier_offset_assumed"));
    String rejection = rs.getString("rejection_reason");
    String recoveryId = rs.getString("recovery_id");
    return new Ticket(
        rs.getString("id"),
        rs.getString("customer_email"),
        rs.getString("customer_name"),
        rs.getString("project_id"),
        Environment.valueOf(rs.getString("environment")),
        Scope.valueOf(rs.getString("scope")),
        ResolutionPolicy.valueOf(rs.getString("policy")),
        moment,
        rs.getString("reason"),
        TicketStatus.valueOf(rs.getString("status")),
        rs.getString("status_detail"),
        rejection == null ? null : RejectionReason.valueOf(rejection),
        point(rs, "resolved_point"),
        point(rs, "chosen_point"),
        rs.getString("retention_tier"),
        rs.getString("resolution_note"),
        recoveryId == null ? null : new Ticket.Delivery(recoveryId, rs.getString("delivery_location"),
            rs.getString("delivery_node"), rs.getString("delivery_device"), instant(rs, "delivered_at"),
            instant(rs, "expires_at")),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  private static Ticket.PointRef point(ResultSet rs, String prefix) throws SQLException {
    String id = rs.getString(prefix + "_id");
    return id == null ? null : new Ticket.PointRef(id, instant(rs, prefix + "_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime odt(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
