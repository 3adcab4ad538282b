package com.snapdesk.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.spring.boot.starter.SpringBootProcessApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The process application, with its models listed explicitly. Camunda's classpath scanner finds nothing in
 * Spring Boot's repackaged jar ({@code bpmn/} sits under {@code BOOT-INF/classes/}, the scanner looks at the
 * jar's root), so the models are found through Spring's resource resolver, which reads every layout: the
 * classes folder of {@code spring-boot:run}, the fat jar, and the extracted jar of the container image.
 *
 * <p>Resource names are relative to {@code bpmn/} ({@code backup-retrieval.bpmn},
 * {@code forms/review-request.form}), as the scanner named them: deployments from any launch compare
 * equal, so a restart deploys no new version.
 */
class SnapdeskProcessApplication extends SpringBootProcessApplication {

  static final String MODELS_ROOT = "bpmn/";
  private static final List<String> SUFFIXES = List.of("bpmn", "dmn", "form");
  private static final Logger log = LoggerFactory.getLogger(SnapdeskProcessApplication.class);

  @Override
  public void createDeployment(String processArchiveName, DeploymentBuilder deployment) {
    List<Model> models = models(new PathMatchingResourcePatternResolver(getProcessApplicationClassloader()));
    if (models.isEmpty()) {
      // Refuse to start rather than run an app whose every submission would fail.
      throw new IllegalStateException("No process models found under classpath:" + MODELS_ROOT);
    }
    for (Model model : models) {
      deployment.addInputStream(model.name(), new ByteArrayInputStream(model.content()));
    }
    log.info("Process archive '{}' deploys {}", processArchiveName, models.stream().map(Model::name).toList());
  }

  /** Every model under {@code bpmn/}, named relative to it, in a stable order. */
  static List<Model> models(ResourcePatternResolver resolver) {
    try {
      Resource root = resolver.getResource(ResourcePatternResolver.CLASSPATH_URL_PREFIX + MODELS_ROOT);
      if (!root.exists()) return List.of();
      String rootUrl = root.getURL().toString();
      List<Model> models = new ArrayList<>();
      for (String suffix : SUFFIXES) {
        for (Resource resource : resolver.getResources(
            ResourcePatternResolver.CLASSPATH_URL_PREFIX + MODELS_ROOT + "**/*." + suffix)) {
          String url = resource.getURL().toString();
          if (!url.startsWith(rootUrl)) {
            throw new IllegalStateException("Model " + url + " is not under " + rootUrl);
          }
          try (InputStream in = resource.getInputStream()) {
            models.add(new Model(url.substring(rootUrl.length()), in.readAllBytes()));
          }
        }
      }
      models.sort(Comparator.comparing(Model::name));
      return List.copyOf(models);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the process models under classpath:" + MODELS_ROOT, e);
    }
  }

  /** Bytes as they are in the file, so duplicate filtering compares what the scanner deployed. */
  record Model(String name, byte[] content) {}
}
