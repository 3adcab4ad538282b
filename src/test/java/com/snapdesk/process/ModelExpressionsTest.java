package com.snapdesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.ticket.TicketStatus;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * Every {@code ${name...}} in the model names a Spring bean (with the method it calls) or a process variable.
 * The engine resolves these only when a token reaches them, so a renamed bean would otherwise surface as an
 * incident in production, not as a failing build.
 */
class ModelExpressionsTest {

  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
  /** The leading name, and the method when it is a call: {@code slaClock.due(execution, 'DELIVERY')}. */
  private static final Pattern HEAD = Pattern.compile("^\\s*!?\\s*([A-Za-z_]\\w*)(?:\\.(\\w+)\\s*(\\()?)?");
  private static final Pattern STATUS_CHANGE = Pattern.compile("ticketStatus\\.moveTo\\(execution, '(\\w+)'\\)");

  private final String model = read("bpmn/backup-retrieval.bpmn");

  @Test
  void everyNameInAnExpressionIsABeanOrAVariable() throws Exception {
    Map<String, Class<?>> beans = componentBeans();
    Set<String> variables = variables();
    List<String> unknown = new ArrayList<>();
    Matcher m = EXPRESSION.matcher(model);
    while (m.find()) {
      Matcher head = HEAD.matcher(m.group(1));
      if (!head.find()) {
        unknown.add(m.group());
        continue;
      }
      String name = head.group(1);
      Class<?> bean = beans.get(name);
      if (bean != null) {
        String method = head.group(2);
        if (method != null && head.group(3) != null && !hasPublicMethod(bean, method)) {
          unknown.add(m.group() + ": " + bean.getSimpleName() + " has no public " + method + "(...)");
        }
      } else if (!variables.contains(name)) {
        unknown.add(m.group() + ": no bean or process variable '" + name + "'");
      }
    }
    assertThat(unknown).as("expressions in bpmn/backup-retrieval.bpmn the engine could not resolve").isEmpty();
  }

  @Test
  void everyStatusTheModelMovesToExists() {
    Matcher m = STATUS_CHANGE.matcher(model);
    int found = 0;
    while (m.find()) {
      found++;
      assertThat(Arrays.stream(TicketStatus.values()).map(Enum::name)).as(m.group()).contains(m.group(1));
    }
    assertThat(found).as("status changes in the model").isPositive();
  }

  /** Bean names as component scanning gives them, so {@code @Component("slaClock")} counts under its name. */
  private static Map<String, Class<?>> componentBeans() throws ClassNotFoundException {
    var scanner = new ClassPathScanningCandidateComponentProvider(true);
    var names = new AnnotationBeanNameGenerator();
    var registry = new SimpleBeanDefinitionRegistry();
    Map<String, Class<?>> beans = new HashMap<>();
    for (var candidate : scanner.findCandidateComponents("com.snapdesk")) {
      String name = names.generateBeanName((AnnotatedBeanDefinition) candidate, registry);
      beans.put(name, Class.forName(candidate.getBeanClassName()));
    }
    return beans;
  }

  /** The names in {@link VariableNames} and the result variables the model declares. */
  private Set<String> variables() throws IllegalAccessException {
    Set<String> names = new HashSet<>();
    for (Field field : VariableNames.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        names.add((String) field.get(null));
      }
    }
    Matcher m = Pattern.compile("camunda:resultVariable=\"(\\w+)\"").matcher(model);
    while (m.find()) names.add(m.group(1));
    return names;
  }

  private static boolean hasPublicMethod(Class<?> type, String name) {
    for (Method method : type.getMethods()) {
      if (method.getName().equals(name)) return true;
    }
    return false;
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
