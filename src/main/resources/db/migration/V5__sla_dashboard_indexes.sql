-- The SLA dashboard's period figures read the MET and BREACHED rows of a time window (counts and
-- percentiles over elapsed_seconds); without this index every request scans the whole event history.
create index sla_event_outcome_idx on sla_event (type, occurred_at);

-- Gauges of open tickets by status count the non-final statuses.
create index ticket_status_idx on ticket (status);
