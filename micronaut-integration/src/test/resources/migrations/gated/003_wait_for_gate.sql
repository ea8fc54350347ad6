-- revision: 003_wait_for_gate
-- revises: 002_add_rejection_reason
-- message: Waits while a test holds advisory lock 4242, so the test decides when migration ends

-- +upgrade
SELECT pg_advisory_xact_lock(4242);
