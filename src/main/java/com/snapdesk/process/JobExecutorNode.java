package com.snapdesk.process;

import com.snapdesk.process.persistence.JobLocks;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job executor works under this node's stable id ({@link NodeIdentity}), and a node that starts again after a
 * crash releases the jobs it still held: they run at once instead of waiting for their lock to expire. Safe because
 * a starting node runs no job yet, and node ids are unique in a cluster (the README says so).
 */
@Configuration(proxyBeanMethods = false)
class JobExecutorNode {

  private static final Logger log = LoggerFactory.getLogger(JobExecutorNode.class);

  @Bean
  static BeanPostProcessor jobLockOwner(@Value("${" + NodeIdentity.PROPERTY + "}") String nodeId) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof JobExecutor jobExecutor) jobExecutor.setLockOwner(nodeId);
        return bean;
      }
    };
  }

  @Bean
  AbstractProcessEnginePlugin releaseJobsOfThisNode(@Value("${" + NodeIdentity.PROPERTY + "}") String nodeId) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void postProcessEngineBuild(ProcessEngine engine) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        int released = JobLocks.releaseAllOf(nodeId, configuration);
        if (released > 0) {
          log.warn("Node {} started again: released {} jobs it held before it stopped", nodeId, released);
        }
      }
    };
  }
}
