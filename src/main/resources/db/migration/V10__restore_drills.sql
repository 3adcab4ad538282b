-- Restore drills (com.snapdesk.drill): one row per drill of one project's environment, from scheduling to its end.
--   slot              the schedule's firing it belongs to; unique with project and environment, so the nodes of a
--                     cluster that fire together schedule each drill once (the insert is the lock); null for a
--                     drill an operator started
--   start_at          when it was due to start: drills of one firing are spread over the window
--   recovery_point_*  the point the policy chose (latest | random-within-window) and when it was taken
--   started_at        when retrieval began; ready_after_seconds until the data was retrieved and validated
--   outcome           SCHEDULED | RUNNING | PASSED | FAILED | TIMED_OUT; reason says why a drill failed
create table restore_drill (
  drill_id                   varchar(80)  primary key,
  project_id                 varchar(64)  not null,
  environment                varchar(20)  not null,
  slot                       timestamp with time zone,
  start_at                   timestamp with time zone not null,
  policy                     varchar(30)  not null,
  recovery_point_id          varchar(128),
  recovery_point_created_at  timestamp with time zone,
  started_at                 timestamp with time zone,
  ready_after_seconds        bigint,
  outcome                    varchar(20)  not null,
  reason                     varchar(1000),
  finished_at                timestamp with time zone,
  constraint restore_drill_slot_uq unique (project_id, environment, slot)
);

create index restore_drill_latest_idx on restore_drill (project_id, environment, start_at);
