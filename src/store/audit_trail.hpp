#pragma once

// Reading the audit log (`audit list`): entries newest first, filtered, each
// with its stored table named as the kind people use (`fx_rate` is `fx`, an
// import is `import`) and its before and after JSON made one object of
// field -> [before, after]. The writing side is store/audit.hpp.

#include "domain/date.hpp"
#include "store/catalogue.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vendorcat::store {

struct AuditFilter
{
  std::optional<std::string> entity; // one of audit_entities()
  // As the record's own commands name it: a provider's name or id, an
  // engagement's ref or id, a service's code, else an id; see each_audit_entry.
  std::optional<std::string> record;
  std::optional<domain::Date> since; // inclusive, UTC days
  std::optional<domain::Date> until; // inclusive
  std::optional<std::string> actor;
  std::optional<std::int64_t> limit; // at least 1
};

struct AuditEntry
{
  std::int64_t id = 0;
  std::string at;    // UTC to the second: 2026-12-01T08:36:55Z
  std::string actor; // empty for rows written before actors were recorded
  std::string entity;
  std::optional<std::int64_t> record; // the record's id; none for an import
  std::string action;                 // insert, update, delete, import, undo
  std::string changes;                // JSON object: field -> [before, after]
};

// The kinds an entry's entity can be, in the order the help lists them.
const std::vector<std::string_view>& audit_entities();

// Calls VISIT with each entry FILTER keeps, newest first. A record given with
// an entity is resolved in that kind: by name (a provider's name, an
// engagement's ref, a service's code), matching every record that has borne
// it, one removed or renamed since included; else, when it is a number, by
// id. Without an entity a number is that id in any kind, and a name is looked
// up as a provider's name, an engagement's ref and a service's code, all
// matches kept. Throws ValidationError for an unknown entity, a limit below 1
// or an until before since, and NotFound for a record nothing has borne.
void each_audit_entry(Catalogue& catalogue, const AuditFilter& filter,
                      const std::function<void(const AuditEntry&)>& visit);

} // namespace vendorcat::store
