package com.snapdesk.ticket.intake;

import com.snapdesk.project.Environment;
import com.snapdesk.recovery.ResolutionPolicy;
import com.snapdesk.recovery.Scope;
import com.snapdesk.ticket.RequestedMoment;

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
