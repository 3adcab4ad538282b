package com.snapdesk.process;

import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * History level {@code full}, except that the forms' display copies ({@link VariableNames#DISPLAY_COPIES}) produce
 * no history events: no historic variable instance, no variable detail. It keeps full's id and name, so databases
 * created at {@code full} start unchanged and everything that asks "is history full?" (details of the other
 * variables, the user operation log, job logs) still gets yes. A node configured with another level keeps it.
 */
@Component
class HistoryWithoutDisplayCopies extends AbstractProcessEnginePlugin {

  static final HistoryLevel LEVEL = new Level(VariableNames.DISPLAY_COPIES);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // Offered by name: the engine takes the last level named like camunda.bpm.history-level, ours after its own.
    var custom = configuration.getCustomHistoryLevels() == null
        ? new ArrayList<HistoryLevel>() : new ArrayList<>(configuration.getCustomHistoryLevels());
    custom.add(LEVEL);
    configuration.setCustomHistoryLevels(custom);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // and set outright in case a later engine resolves names the other way round; any other level stays
    if (configuration.getHistoryLevel() != null
        && configuration.getHistoryLevel().getId() == ProcessEngineConfigurationImpl.HISTORYLEVEL_FULL) {
      configuration.setHistoryLevel(LEVEL);
    }
  }

  static final class Level extends HistoryLevelFull {

    private static final String VARIABLE_EVENTS = HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEntityType();

    private final Set<String> excluded;

    Level(Set<String> excluded) {
      this.excluded = Set.copyOf(excluded);
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      return !(VARIABLE_EVENTS.equals(eventType.getEntityType())
          && entity instanceof VariableInstanceEntity variable && excluded.contains(variable.getName()));
    }
  }
}
