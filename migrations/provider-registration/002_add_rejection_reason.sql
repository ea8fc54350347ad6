-- revision: 002_add_rejection_reason
-- revises: 001_add_version_column
-- message: Add rejection reason for the audit trail

-- +upgrade
ALTER TABLE candidates ADD COLUMN rejection_reason TEXT;
COMMENT ON COLUMN candidates.rejection_reason IS 'Why a candidate was rejected; NULL unless status = ''rejected''';

-- +downgrade
ALTER TABLE candidates DROP COLUMN rejection_reason;
