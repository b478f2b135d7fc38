#pragma once

// Volumes: how much an engagement delivered in a month, in one unit (FTE,
// hours, transactions or cases), one quantity per engagement, month and
// unit. Setting one inserts it or replaces its quantity, audited as entity
// `volume`; an import stamps what it creates with its batch.

#include "domain/date.hpp"
#include "domain/quantity.hpp"
#include "store/catalogue.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace vendorcat::store {

struct Volume
{
  std::int64_t id = 0;
  std::string engagement; // ref
  domain::Month month;
  std::int64_t quantity = 0; // thousandths
  domain::VolumeUnit unit = domain::VolumeUnit::fte;
};

struct VolumeFilter
{
  std::string engagement{}; // id or ref, or empty
  std::string from{};       // first month, YYYY-MM, inclusive, or empty
  std::string to{};         // last month, inclusive, or empty
};

// What set_volume did.
enum class VolumeChange
{
  created,
  replaced,
  unchanged, // the same quantity was there: nothing written
};

struct SetVolume
{
  Volume volume;
  VolumeChange change = VolumeChange::created;
  std::int64_t before = 0; // the quantity replaced (thousandths), when replaced
};

// A volume as given, each value checked and resolved.
struct VolumeEntry
{
  std::int64_t engagement_id = 0;
  std::string engagement; // ref
  domain::Month month;
  std::int64_t quantity = 0; // thousandths
  domain::VolumeUnit unit = domain::VolumeUnit::fte;
};

// ENGAGEMENT (id or ref), MONTH (YYYY-MM), QUANTITY (at most 3 decimals) and
// UNIT checked together: every bad value is reported at once (FieldErrors
// naming each field, or the one error as thrown: NotFound for an unknown
// engagement, ValidationError for a bad month, a quantity that is negative,
// has more than 3 decimals or is no number, an unknown unit).
VolumeEntry check_volume(Catalogue& catalogue, const std::string& engagement, const std::string& month,
                         const std::string& quantity, const std::string& unit);

// Sets ENTRY's quantity for its engagement, month and unit: inserts the
// volume or replaces its quantity, audited; nothing is written when the
// quantity is the same.
SetVolume set_volume(Catalogue& catalogue, const VolumeEntry& entry);

// The volume of ENTRY's engagement, month and unit, if there is one.
std::optional<Volume> find_volume(Catalogue& catalogue, const VolumeEntry& entry);

// Calls VISIT for each volume matching FILTER, by engagement ref, month and
// unit. Throws NotFound for an unknown engagement, ValidationError for a bad
// month or --from after --to.
void each_volume(Catalogue& catalogue, const VolumeFilter& filter,
                 const std::function<void(const Volume&)>& visit);

// The volumes each_volume visits, as a list.
std::vector<Volume> list_volumes(Catalogue& catalogue, const VolumeFilter& filter);

} // namespace vendorcat::store
