package com.snapdesk.ticket.intake;

import com.snapdesk.ticket.RequestedMoment;
import com.snapdesk.project.Environment;
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
