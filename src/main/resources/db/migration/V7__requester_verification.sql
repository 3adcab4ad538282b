-- Submitters no longer get a token: the status link goes only to the requester's mailbox, so idempotent
-- replays have nothing to hand back. The sealed tokens of earlier replays are secrets nobody needs any more.
alter table idempotency_key alter column sealed_token drop not null;
update idempotency_key set sealed_token = null;
