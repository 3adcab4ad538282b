package com.snapdesk;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@EnableProcessApplication("snapdesk")
@ConfigurationPropertiesScan
public class SnapdeskApplication {
  public static void main(String[] args) {
    SpringApplication.run(SnapdeskApplication.class, args);
  }
}
