package org.resetdesk.job;

/** The live status the job board shows for a job's recorder. */
public enum GuardStatus {
    /** Nothing armed: the guards are not watching. */
    IDLE,
    /** Armed, and the recorder answered with the same boot time and network. */
    ANSWERING,
    /** Armed, after a kiosk restart, and the recorder has not answered yet. */
    UNCONFIRMED,
    /** Armed, and the recorder has been silent for more than the alarm threshold. */
    SILENT,
    /** The recorder printed a boot failure on its console. */
    NOT_BOOTING,
    /** The attempt is void: the recorder restarted. */
    RESTARTED,
    /** The attempt is void: the network changed. */
    NETWORK_CHANGED,
    /** The attempt is void: it passed its validity window. */
    EXPIRED,
    /** The attempt is void: a new export replaced the challenge. */
    REPLACED
}
