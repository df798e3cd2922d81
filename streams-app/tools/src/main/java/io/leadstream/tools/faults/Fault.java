package io.leadstream.tools.faults;

import java.time.Duration;
import java.util.Optional;

/**
 * One fault the campaign injected and how long the pipeline took to recover from it: until every
 * partition delivered a committed outcome again, counted from the kill (an instance) or from the
 * moment the broker was back (a broker outage).
 *
 * @param kind what was done, e.g. "kill -9 app-1, restarted at once"
 * @param outage how long the target was down or hung (zero for a kill with an immediate restart)
 * @param recovery empty when the pipeline did not recover within the campaign's limit
 */
public record Fault(String kind, Duration outage, Optional<Duration> recovery) {}
