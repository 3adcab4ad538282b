-- The nightly data-retention cleanup (com.snapdesk.retention) finds what is due by age and removes a ticket's rows
-- by ticket id; without these indexes each batch scans its table.
create index ticket_ended_idx on ticket (status, updated_at);
create index idempotency_key_created_idx on idempotency_key (created_at);
create index idempotency_key_ticket_idx on idempotency_key (ticket_id);
create index sent_mail_sent_at_idx on sent_mail (sent_at);
