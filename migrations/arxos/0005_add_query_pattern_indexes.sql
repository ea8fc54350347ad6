-- revision: 0005_add_query_pattern_indexes
-- revises: 0004_create_permissions_and_catalog
-- message: Indexes for the dashboards and search, built without blocking writes
-- transactional: false
--
-- Added once the tables held data, so every index is built CONCURRENTLY: writes go on
-- while it builds. CREATE/DROP INDEX CONCURRENTLY cannot run in a transaction, hence
-- "transactional: false": Retort runs the statements one by one and marks the database
-- dirty if one fails. A failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind:
-- drop it, then rerun the upgrade (or `retort stamp` once the schema is repaired).

-- +upgrade
-- project dashboard: what changed lately, per status
CREATE INDEX CONCURRENTLY idx_rooms_project_status_updated ON rooms (project_id, status, updated_at DESC);
CREATE INDEX CONCURRENTLY idx_walls_project_status_updated ON walls (project_id, status, updated_at DESC);
CREATE INDEX CONCURRENTLY idx_doors_project_status_updated ON doors (project_id, status, updated_at DESC);
CREATE INDEX CONCURRENTLY idx_windows_project_status_updated ON windows (project_id, status, updated_at DESC);
CREATE INDEX CONCURRENTLY idx_devices_project_status_updated ON devices (project_id, status, updated_at DESC);
CREATE INDEX CONCURRENTLY idx_labels_project_status_updated ON labels (project_id, status, updated_at DESC);
CREATE INDEX CONCURRENTLY idx_zones_project_status_updated ON zones (project_id, status, updated_at DESC);

-- "my work": the open objects assigned to a user
CREATE INDEX CONCURRENTLY idx_rooms_assigned_open ON rooms (assigned_to, floor_id) WHERE status <> 'archived';
CREATE INDEX CONCURRENTLY idx_devices_assigned_open ON devices (assigned_to, floor_id) WHERE status <> 'archived';

-- search
CREATE INDEX CONCURRENTLY idx_rooms_building_name_lower ON rooms (building_id, lower(name));
CREATE INDEX CONCURRENTLY idx_catalog_items_search ON catalog_items
    USING gin (to_tsvector('simple', make || ' ' || model || ' ' || coalesce(type, '')));
CREATE INDEX CONCURRENTLY idx_audit_logs_payload ON audit_logs USING gin (payload jsonb_path_ops);

-- +downgrade
DROP INDEX CONCURRENTLY idx_audit_logs_payload;
DROP INDEX CONCURRENTLY idx_catalog_items_search;
DROP INDEX CONCURRENTLY idx_rooms_building_name_lower;
DROP INDEX CONCURRENTLY idx_devices_assigned_open;
DROP INDEX CONCURRENTLY idx_rooms_assigned_open;
DROP INDEX CONCURRENTLY idx_zones_project_status_updated;
DROP INDEX CONCURRENTLY idx_labels_project_status_updated;
DROP INDEX CONCURRENTLY idx_devices_project_status_updated;
DROP INDEX CONCURRENTLY idx_windows_project_status_updated;
DROP INDEX CONCURRENTLY idx_doors_project_status_updated;
DROP INDEX CONCURRENTLY idx_walls_project_status_updated;
DROP INDEX CONCURRENTLY idx_rooms_project_status_updated;
