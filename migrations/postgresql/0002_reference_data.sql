-- Reference data, loaded exactly as in the file's migration: the same
-- embedded CSV and the same SQL.

-- vendorcat:include migrations/0002_reference_data.sql
