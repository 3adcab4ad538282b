package com.snapdesk.process;

import com.snapdesk.drill.DrillProcess;
import com.snapdesk.drill.DrillProperties;
import com.snapdesk.drill.RestoreDrill;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

@Component
class CamundaDrillProcess implements DrillProcess {

  private final RuntimeService runtime;
  private final DrillProperties properties;

  CamundaDrillProcess(RuntimeService runtime, DrillProperties properties) {
    this.runtime = runtime;
    this.properties = properties;
  }

  @Override
  public void start(RestoreDrill drill, String pinnedRecoveryPointId) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(RestoreDrillIds.DRILL_ID, drill.drillId());
    vars.put(RestoreDrillIds.DRILL_START_AT, Date.from(drill.startAt()));
    vars.put(RestoreDrillIds.PINNED_RECOVERY_POINT_ID, pinnedRecoveryPointId);
    // copied in at start, so a running drill keeps the rules it started with
    vars.put(RestoreDrillIds.DRILL_TIMEOUT, properties.timeout().toString());
    vars.put(RestoreDrillIds.DRILL_POLL_INTERVAL, properties.pollInterval().toString());
    runtime.createProcessInstanceByKey(RestoreDrillIds.PROCESS).businessKey(drill.drillId()).setVariables(vars)
        .execute();
  }
}
