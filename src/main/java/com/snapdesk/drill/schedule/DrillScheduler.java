package com.snapdesk.drill.schedule;

import com.snapdesk.drill.DrillProperties;
import com.snapdesk.drill.ScheduleDrills;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Fires {@code snapdesk.drills.schedule} on Spring's scheduler, on every node. Each firing schedules that slot's
 * drills once for the cluster (the drill table's unique slot decides which node), and the engine runs them — from
 * then on a drill survives restarts and moves to whichever node has time. Chosen over a BPMN timer start event
 * because the schedule is configuration that may be off, and a deployed timer start cannot be switched off or
 * re-timed without a new model version.
 */
@Configuration(proxyBeanMethods = false)
class DrillScheduler implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(DrillScheduler.class);

  private final DrillProperties properties;
  private final ScheduleDrills scheduleDrills;

  DrillScheduler(DrillProperties properties, ScheduleDrills scheduleDrills) {
    this.properties = properties;
    this.scheduleDrills = scheduleDrills;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (!properties.enabled()) {
      log.info("Restore drills are off (snapdesk.drills.schedule is not set)");
      return;
    }
    DrillSchedule schedule = DrillSchedule.parse(properties.schedule());
    var trigger = new SlotTrigger(schedule);
    registrar.addTriggerTask(() -> fire(trigger.slot()), trigger);
    log.info("Restore drills: schedule {}, first at {}", properties.schedule(), schedule.next(Instant.now()));
  }

  private void fire(Instant slot) {
    try {
      var drills = scheduleDrills.forSlot(slot);
      log.info("Restore drills of {}: {} scheduled on this node", slot, drills.size());
    } catch (RuntimeException e) {
      // the next firing tries again; the table keeps nodes from scheduling a slot twice
      log.error("Restore drills of {} not scheduled", slot, e);
    }
  }

  /**
   * Computes each next firing from the schedule and remembers it, so the task knows which slot it runs for. On the
   * scheduler's own clock: the wall clock, also where tests pin Snapdesk's.
   */
  private static final class SlotTrigger implements Trigger {
    private final DrillSchedule schedule;
    private volatile Instant slot;

    SlotTrigger(DrillSchedule schedule) {
      this.schedule = schedule;
    }

    @Override
    public Instant nextExecution(TriggerContext context) {
      Instant last = context.lastScheduledExecution();
      Instant after = last == null ? context.getClock().instant() : last;
      slot = schedule.next(after);
      return slot;
    }

    Instant slot() {
      return slot;
    }
  }
}
