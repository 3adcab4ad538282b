-- One row per customer mail sent, keyed by "<processInstanceId>:<activityId>", so a retried job
-- does not send the same mail twice.
create table sent_mail (
  dedup_key varchar(200) primary key,
  kind varchar(40) not null,
  recipient varchar(320) not null,
  sent_at timestamp with time zone not null
);
