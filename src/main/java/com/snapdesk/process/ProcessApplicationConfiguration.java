package com.snapdesk.process;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The process application and the health of what it deploys. */
@Configuration(proxyBeanMethods = false)
@Import(SnapdeskProcessApplication.class)
class ProcessApplicationConfiguration {

  @Bean
  ProcessModelsHealthIndicator processModelsHealthIndicator(RepositoryService repository) {
    var expected = SnapdeskProcessApplication.models(new PathMatchingResourcePatternResolver(
        ProcessApplicationConfiguration.class.getClassLoader())).stream()
        .map(SnapdeskProcessApplication.Model::name).toList();
    return new ProcessModelsHealthIndicator(repository, expected);
  }
}
