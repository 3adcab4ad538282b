-- Rate limits counted by every node together (security.RateLimiter). Keys are SHA-256 hashes of what is counted
-- (a client address or a typed email address, with the kind of action), never the address itself; times are epoch
-- milliseconds, as in spring_session. A check updates its key's row first: that row lock makes nodes take turns.
create table rate_limit_key (
  key_hash     char(64) not null,
  last_attempt bigint   not null,
  constraint rate_limit_key_pk primary key (key_hash)
);
create index rate_limit_key_last_attempt on rate_limit_key (last_attempt);

-- One row per attempt that was let through, kept while it is inside its window.
create table rate_limit_attempt (
  key_hash     char(64) not null,
  attempted_at bigint   not null
);
create index rate_limit_attempt_key on rate_limit_attempt (key_hash, attempted_at);
create index rate_limit_attempt_at on rate_limit_attempt (attempted_at);
