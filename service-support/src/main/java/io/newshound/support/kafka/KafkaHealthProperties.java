package io.newshound.support.kafka;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code newshound.kafka.health.*} keys.
 * @param timeout how long a check waits for the cluster before reporting it down (3s)
 * @param topics topics the service needs, each reported as existing or not (none)
 */
@ConfigurationProperties("newshound.kafka.health")
public record KafkaHealthProperties(@DefaultValue("3s") Duration timeout, @DefaultValue List<String> topics) {
}
