/**
 * The recorder's HTTP API (ISAPI) for aftercare: {@link org.resetdesk.isapi.IsapiClient} implements the domain port
 * {@link org.resetdesk.job.RecorderApi} with Apache HttpClient 5 (Digest only, HTTPS with a per-job pinned
 * certificate, XML by local name through {@link org.resetdesk.isapi.IsapiXml}); every request passes the job's
 * command policy first. {@link org.resetdesk.isapi.IsapiConnector} opens it for a job, borrowing an address in the
 * recorder's subnet through {@link org.resetdesk.isapi.AddressAlias} (packaging/bin/resetdesk-alias) when needed.
 *
 * <p>Wiring in Main: {@code AftercareCommand.opener = (ctx, job, pin) ->
 * IsapiConnector.onInterface(ctx.config().sadpInterface(), ctx.clock()).open(job, pin);} and register
 * {@code AftercareCommand} under {@code job}. The kiosk screen calls {@code new Aftercare(clock[, sadpCloud]).run(job,
 * api, password, options)} on an executor, saves {@code run.events()} and keeps the API (and its borrowed address)
 * open until the job ends.
 */
package org.resetdesk.isapi;
