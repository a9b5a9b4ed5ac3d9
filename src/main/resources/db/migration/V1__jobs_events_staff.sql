-- ResetDesk store, schema 1. The job snapshot (JSON) is the source of truth for the domain object; the other job
-- columns exist for queries. Personal data of customers lives in CUSTOMERS so that the retention purge has one place.
CREATE SEQUENCE job_number START WITH 1 INCREMENT BY 1 NO CYCLE;

CREATE TABLE jobs (
    id            VARCHAR(20)  PRIMARY KEY,
    state         VARCHAR(20)  NOT NULL,
    is_open       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    staff_id      VARCHAR(64),
    label_serial  VARCHAR(128),
    device_serial VARCHAR(128),
    device_mac    VARCHAR(17),
    deadline      TIMESTAMP(9) WITH TIME ZONE,
    search_text   VARCHAR(2000) NOT NULL,
    snapshot      CHARACTER VARYING NOT NULL
);

CREATE TABLE customers (
    job_id         VARCHAR(20) PRIMARY KEY REFERENCES jobs(id),
    name           VARCHAR(200),
    contact        VARCHAR(200),
    ownership_kind VARCHAR(20),
    ownership_ref  VARCHAR(200),
    id_doc_type    VARCHAR(40),
    id_doc_last4   VARCHAR(4),
    photo_count    INT NOT NULL,
    has_personal   BOOLEAN NOT NULL
);

CREATE TABLE attempts (
    job_id         VARCHAR(20) NOT NULL REFERENCES jobs(id),
    number         INT NOT NULL,
    method         VARCHAR(32),
    exported_at    TIMESTAMP(9) WITH TIME ZONE,
    deadline       TIMESTAMP(9) WITH TIME ZONE,
    request_sha256 CHAR(64),
    void_reason    VARCHAR(500),
    succeeded      BOOLEAN NOT NULL,
    PRIMARY KEY (job_id, number)
);

CREATE TABLE staff (
    id             VARCHAR(32) PRIMARY KEY,
    name           VARCHAR(100) NOT NULL,
    role           VARCHAR(16) NOT NULL,
    pin_salt       VARBINARY(32) NOT NULL,
    pin_iterations INT NOT NULL,
    pin_hash       VARBINARY(64) NOT NULL,
    failed_count   INT NOT NULL,
    locked_until   TIMESTAMP(9) WITH TIME ZONE,
    created_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL
);

-- Append-only, chained: HASH = SHA-256(PREV_HASH, seq, job, at, type, detail). See org.resetdesk.store.EventHash.
CREATE TABLE events (
    seq       BIGINT PRIMARY KEY,
    job_id    VARCHAR(20),
    at        TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    type      VARCHAR(64) NOT NULL,
    detail    VARCHAR(16000),
    prev_hash CHAR(64) NOT NULL,
    hash      CHAR(64) NOT NULL
);

-- The end of the chain: one row, locked by every append so that concurrent writers (other processes) queue up.
CREATE TABLE chain_head (
    id        INT PRIMARY KEY CHECK (id = 1),
    last_seq  BIGINT NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO chain_head VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
