package com.snapdesk.process;

import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The process application and the health of what it deploys. */
@Configuration(proxyBeanMethods = false)
@Import(SnapdeskProcessApplication.class)
class ProcessApplicationConfiguration {

  static {
    // The engine asks JAXP for a DatatypeFactory for every retry cycle and timer duration it parses (DurationHelper),
    // a ServiceLoader scan of the packaged jar's nested jars each time unless this property names the factory. JAXP's
    // documented first choice; the JDK's own factory, which the scan ends with anyway. An operator's setting wins.
    if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
      System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }
  }

  @Bean
  ProcessModelsHealthIndicator processModelsHealthIndicator(RepositoryService repository) {
    var expected = SnapdeskProcessApplication.models(new PathMatchingResourcePatternResolver(
        ProcessApplicationConfiguration.class.getClassLoader())).stream()
        .map(SnapdeskProcessApplication.Model::name).toList();
    return new ProcessModelsHealthIndicator(repository, expected);
  }
}
