/**
 * Hand-off and paperwork (issue 7): the support packet ({@link org.resetdesk.support.SupportPacketBuilder}), its
 * channels ({@link org.resetdesk.support.FolderHandOff}, {@link org.resetdesk.support.SmtpHandOff} over the durable
 * {@link org.resetdesk.support.Outbox} and {@link org.resetdesk.support.OutboxSender}), reply intake
 * ({@link org.resetdesk.support.ReplyIntake} fed by {@link org.resetdesk.support.ReplyWatcher} and
 * {@link org.resetdesk.support.ImapReplyPoller}), receipts ({@link org.resetdesk.support.Receipts},
 * {@link org.resetdesk.support.ReceiptPrinter}), reports ({@link org.resetdesk.support.JobStats},
 * {@link org.resetdesk.support.ReportCsv}, {@link org.resetdesk.support.DailySummaryMailer}) and customer
 * notifications ({@link org.resetdesk.support.CustomerNotifier}). {@link org.resetdesk.support.SupportModule}
 * wires them; the CLI cores are {@link org.resetdesk.support.SendCommandCore} and
 * {@link org.resetdesk.support.ReceiptCommandCore}. Background threads are daemon threads named
 * {@code resetdesk-*}; nothing here touches Swing.
 */
package org.resetdesk.support;
