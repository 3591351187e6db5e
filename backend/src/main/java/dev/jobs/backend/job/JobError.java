package dev.jobs.backend.job;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why a job failed.
 *
 * @param type the error type, such as the exception class Lambda reported
 * @param message what went wrong, for a person
 * @param condition why Lambda gave up: {@code RetriesExhausted}, {@code EventAgeExceeded}, or
 *     {@code ValidationFailed} when the job's parameters were rejected before it ran
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobError(String type, String message, String condition) {}
