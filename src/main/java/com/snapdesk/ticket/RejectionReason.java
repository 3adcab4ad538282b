package com.snapdesk.ticket;

/** Why a request was turned down; each has its own text in the rejection email. */
public enum RejectionReason {
  /** Neutral: must not reveal whether the project exists. */
  NOT_A_CONTACT,
  /** Pro Integration or any Starter environment: self-service snapshots instead. */
  NO_AUTOMATIC_BACKUPS,
  /** Older than the oldest retained point: show the retention table. */
  OUT_OF_RETENTION,
  NO_RECOVERY_POINT,
  /** An agent or lead said no: show their note. */
  REJECTED_BY_AGENT
}
