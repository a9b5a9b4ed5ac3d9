-- Board, history search and per-job history; events can neither be changed nor removed through SQL.
CREATE INDEX jobs_open_created ON jobs(is_open, created_at);
-- covers the history search: the LIKE runs over the index alone, snapshots are read only for the hits
CREATE INDEX jobs_open_updated ON jobs(is_open, updated_at DESC, search_text);
CREATE INDEX jobs_open_mac ON jobs(is_open, device_mac);
CREATE INDEX events_job_seq ON events(job_id, seq);

CREATE TRIGGER events_append_only BEFORE UPDATE, DELETE ON events FOR EACH ROW CALL 'org.resetdesk.store.AppendOnlyTrigger';
CREATE TRIGGER chain_head_kept BEFORE DELETE ON chain_head FOR EACH ROW CALL 'org.resetdesk.store.AppendOnlyTrigger';
