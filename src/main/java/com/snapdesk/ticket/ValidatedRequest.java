package com.snapdesk.ticket;

import com.snapdesk.recovery.Environment;
import com.snapdesk.recovery.ResolutionPolicy;
import com.snapdesk.recovery.Scope;

/** A request that passed every rule; the moment is normalised to UTC. */
public record ValidatedRequest(
    String customerEmail,
    String customerName,
    String projectId,
    Environment environment,
    Scope scope,
    ResolutionPolicy policy,
    RequestedMoment moment,
    String reason) {}
