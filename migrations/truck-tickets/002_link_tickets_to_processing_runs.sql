-- revision: 002_link_tickets_to_processing_runs
-- revises: 001_initial_schema
-- message: Record which processing run created each ticket and each review item
--
-- The audit trail in processing_runs only had counters; now every ticket and review item
-- points at the run that produced it. ON DELETE SET NULL: purging old run records must
-- never delete tickets or open review work.

-- +upgrade
ALTER TABLE truck_tickets ADD COLUMN processing_run_id bigint;
ALTER TABLE truck_tickets ADD CONSTRAINT truck_tickets_processing_run_id_fkey
    FOREIGN KEY (processing_run_id) REFERENCES processing_runs (run_id) ON DELETE SET NULL;
CREATE INDEX idx_truck_tickets_processing_run_id ON truck_tickets (processing_run_id);

ALTER TABLE review_queue ADD COLUMN processing_run_id bigint;
ALTER TABLE review_queue ADD CONSTRAINT review_queue_processing_run_id_fkey
    FOREIGN KEY (processing_run_id) REFERENCES processing_runs (run_id) ON DELETE SET NULL;
CREATE INDEX idx_review_queue_processing_run_id ON review_queue (processing_run_id);

-- +downgrade
DROP INDEX idx_review_queue_processing_run_id;
ALTER TABLE review_queue DROP CONSTRAINT review_queue_processing_run_id_fkey;
ALTER TABLE review_queue DROP COLUMN processing_run_id;

DROP INDEX idx_truck_tickets_processing_run_id;
ALTER TABLE truck_tickets DROP CONSTRAINT truck_tickets_processing_run_id_fkey;
ALTER TABLE truck_tickets DROP COLUMN processing_run_id;
