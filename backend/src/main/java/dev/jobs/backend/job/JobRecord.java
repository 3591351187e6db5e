package dev.jobs.backend.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stored state of one job; also the JSON body of {@code GET /jobs/{jobId}}.
 *
 * @param expiresAt epoch seconds after which DynamoDB's TTL may delete the record
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobRecord(
    String id,
    JobStatus status,
    String type,
    ObjectNode parameters,
    JsonNode result,
    JobError error,
    int attempts,
    Instant startedAt,
    Instant finishedAt,
    long expiresAt) {}
