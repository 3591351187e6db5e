/**
 * SigV4 as AWS checks it: the canonical request, the signature, the clock skew, and who signed (the
 * operator's key pair, or temporary credentials the local STS issued). Failures carry AWS's codes;
 * each protocol renders them in its shape.
 *
 * <p>May import {@code stack} (the account) and {@code store} (the issued credentials).
 */
package dev.jobs.local.auth;
