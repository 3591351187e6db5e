/**
 * AWS's wire protocols, written once for every emulated service: the query protocol (STS,
 * CloudFormation) and JSON 1.1 (EventBridge) each verify the SigV4 signature, parse the request,
 * dispatch it to the service's action or operation, and answer errors in AWS's shapes; API
 * Gateway's own answers; and the endpoint that tells the services apart as AWS would.
 *
 * <p>A service describes itself as a {@code QueryProtocol.Service} or {@code JsonProtocol.Service}
 * and refuses a request by throwing {@link dev.jobs.local.protocol.AwsError}. May import {@code
 * server}, {@code auth} and the backend's JSON mapper; never a service package.
 */
package dev.jobs.local.protocol;
