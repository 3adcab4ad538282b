package com.snapdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The process application itself is {@code process.SnapdeskProcessApplication}, imported there. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SnapdeskApplication {
  public static void main(String[] args) {
    SpringApplication.run(SnapdeskApplication.class, args);
  }
}
