/**
 * SADP, the vendor's discovery and reset protocol over UDP/XML (reference: {@code shared/reference/sadp-protocol.md}).
 *
 * <ul>
 * <li>{@link org.resetdesk.sadp.SadpCodec}: pure bytes to {@link org.resetdesk.sadp.SadpDocument} and back. The reader
 * is a linear hand scanner, not Woodstox: it must recover cut-off and slightly broken firmware documents (which a
 * conforming parser rejects), and by knowing no DTD at all it cannot expand or fetch entities. Woodstox serves as the
 * test oracle instead ({@code SadpCodecOracleTest}): on every well-formed input both read the same leaf elements.</li>
 * <li>{@link org.resetdesk.sadp.ProbeMatch}: a device description and the reset methods its flags advertise.</li>
 * <li>{@link org.resetdesk.sadp.SadpRequests}, {@link org.resetdesk.sadp.SadpOutcomes},
 * {@link org.resetdesk.sadp.SadpCrypto}, {@link org.resetdesk.sadp.LegacySecurityCode}: requests, results, password
 * transport, legacy codes; all pure.</li>
 * <li>{@link org.resetdesk.sadp.SadpClient}: the {@code RecorderLink} adapter on ONE network interface, with its
 * receive thread; the only class here that does I/O (with the package-private {@code SadpTransport}).</li>
 * </ul>
 */
package org.resetdesk.sadp;
