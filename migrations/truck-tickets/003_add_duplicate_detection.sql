-- revision: 003_add_duplicate_detection
-- revises: 002_link_tickets_to_processing_runs
-- message: Mark duplicate tickets and allow one original per vendor ticket number
--
-- The same paper ticket is often scanned twice (a re-sent PDF, a second batch). A ticket
-- that repeats another's (vendor_id, ticket_number) now points at the original, and a
-- partial unique index allows only one original per vendor ticket number.
-- The upgrade first marks the duplicates already in the table (the lowest ticket_id is
-- the original), so it also applies to a database that has them.

-- +upgrade
ALTER TABLE truck_tickets ADD COLUMN duplicate_of_ticket_id bigint;
ALTER TABLE truck_tickets ADD CONSTRAINT truck_tickets_duplicate_of_ticket_id_fkey
    FOREIGN KEY (duplicate_of_ticket_id) REFERENCES truck_tickets (ticket_id) ON DELETE SET NULL;
ALTER TABLE truck_tickets ADD CONSTRAINT truck_tickets_not_duplicate_of_itself
    CHECK (duplicate_of_ticket_id <> ticket_id);

UPDATE truck_tickets t
   SET duplicate_of_ticket_id = o.first_ticket_id
  FROM (SELECT vendor_id, ticket_number, min(ticket_id) AS first_ticket_id
          FROM truck_tickets
         WHERE vendor_id IS NOT NULL
         GROUP BY vendor_id, ticket_number
        HAVING count(*) > 1) o
 WHERE t.vendor_id = o.vendor_id
   AND t.ticket_number = o.ticket_number
   AND t.ticket_id <> o.first_ticket_id;

CREATE UNIQUE INDEX uq_truck_tickets_vendor_ticket_number ON truck_tickets (vendor_id, ticket_number)
    WHERE duplicate_of_ticket_id IS NULL AND vendor_id IS NOT NULL;
CREATE INDEX idx_truck_tickets_duplicate_of ON truck_tickets (duplicate_of_ticket_id)
    WHERE duplicate_of_ticket_id IS NOT NULL;

-- +downgrade
DROP INDEX idx_truck_tickets_duplicate_of;
DROP INDEX uq_truck_tickets_vendor_ticket_number;
ALTER TABLE truck_tickets DROP CONSTRAINT truck_tickets_not_duplicate_of_itself;
ALTER TABLE truck_tickets DROP CONSTRAINT truck_tickets_duplicate_of_ticket_id_fkey;
ALTER TABLE truck_tickets DROP COLUMN duplicate_of_ticket_id;
