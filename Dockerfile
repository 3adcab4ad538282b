# Snapdesk's production image: the jar the build tested, extracted into Spring Boot's layers.
#   ./mvnw -DskipTests package && docker build -t snapdesk .
# Maven does not run in here: the image takes target/snapdesk-*.jar as built (and tested) on the host.
# ContainerImageIT (./mvnw verify) performs the extraction below on the real jar and checks every COPY source.

FROM eclipse-temurin:17-jre AS extract
WORKDIR /build
COPY target/snapdesk-*.jar snapdesk.jar
# Spring Boot 3.5's tools jarmode: application/snapdesk.jar (its manifest's Class-Path names lib/*.jar) and
# dependencies/lib/*.jar; spring-boot-loader and snapshot-dependencies stay empty unless the build has such parts.
RUN java -Djarmode=tools -jar snapdesk.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre
# A fixed, unprivileged uid/gid, so volume permissions are predictable; no login shell, no home content.
RUN groupadd --system --gid 10001 snapdesk \
 && useradd --system --uid 10001 --gid snapdesk --home-dir /app --shell /usr/sbin/nologin snapdesk \
 && mkdir -p /app/data \
 && chown snapdesk:snapdesk /app/data
WORKDIR /app
# Least often changed first, so a rebuild after a code change replaces only the last layer.
COPY --from=extract /build/extracted/dependencies/ ./
COPY --from=extract /build/extracted/spring-boot-loader/ ./
COPY --from=extract /build/extracted/snapshot-dependencies/ ./
COPY --from=extract /build/extracted/application/ ./
USER 10001:10001
# H2 database, .eml outbox and local recovery folder (relative to /app) when those embedded parts are used.
VOLUME ["/app/data"]
EXPOSE 8080
# No HEALTHCHECK: the JRE image has no curl or wget. Probe /actuator/health/liveness and
# /actuator/health/readiness from the orchestrator (Kubernetes probes, a load balancer) instead.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/snapdesk.jar"]
