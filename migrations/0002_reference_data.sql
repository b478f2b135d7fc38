-- Reference data: every ISO 3166-1 country with its UN M49 region and
-- sub-region, the ISO 4217 currencies with their minor units, and the service
-- taxonomy. The runner loads each embedded CSV named by a directive below into
-- the table it names, matching the CSV header to column names.

-- vendorcat:load-csv country seed/reference/countries.csv
-- vendorcat:load-csv currency seed/reference/currencies.csv

CREATE TEMP TABLE service_seed (code TEXT, name TEXT, type TEXT, parent TEXT);
-- vendorcat:load-csv service_seed seed/reference/services.csv
INSERT INTO service (code, name, default_type)
  SELECT code, name, type FROM service_seed;
UPDATE service
   SET parent_id = (SELECT p.id FROM service_seed s JOIN service p ON p.code = s.parent
                     WHERE s.code = service.code);
DROP TABLE service_seed;
