// Volumes (see volumes.hpp). A volume is found through its unique key
// (engagement, month, unit); setting one that is there replaces only its
// quantity, so the record keeps its id, its creation stamp and the batch
// that created it (an undo of that batch removes it, as it would anyway).

#include "store/volumes.hpp"

#include "domain/errors.hpp"
#include "store/audit.hpp"
#include "store/engagements.hpp"
#include "store/import_batches.hpp"
#include "store/sql.hpp"
#include "store/timestamp.hpp"

#include <fmt/format.h>

namespace vendorcat::store {

namespace {

constexpr std::string_view select_volume = "SELECT v.id, e.ref, v.month, v.quantity, v.unit FROM volume v "
                                           "JOIN engagement e ON e.id = v.engagement_id ";

Volume read_volume(Query& query)
{
  return {query.integer(0), query.text(1), domain::Month::parse(query.text_view(2)), query.integer(3),
          domain::parse_volume_unit(query.text_view(4))};
}

} // namespace

VolumeEntry check_volume(Catalogue& catalogue, const std::string& engagement, const std::string& month,
                         const std::string& quantity, const std::string& unit)
{
  VolumeEntry entry;
  FieldChecks checks;
  checks.check("engagement", [&] {
    const auto found = find_engagement(catalogue, engagement);
    entry.engagement_id = found.id;
    entry.engagement = found.ref;
  });
  checks.check("month", [&] { entry.month = domain::Month::parse(month); });
  checks.check("quantity", [&] { entry.quantity = domain::parse_quantity(quantity); });
  checks.check("unit", [&] { entry.unit = domain::parse_volume_unit(unit); });
  checks.throw_if_any();
  return entry;
}

std::optional<Volume> find_volume(Catalogue& catalogue, const VolumeEntry& entry)
{
  Query query(connection(catalogue),
              std::string(select_volume) + "WHERE v.engagement_id = ? AND v.month = ? AND v.unit = ?",
              entry.engagement_id, entry.month.to_string(), domain::to_string(entry.unit));
  if (!query.next()) {
    return std::nullopt;
  }
  auto volume = read_volume(query);
  query.reset();
  return volume;
}

SetVolume set_volume(Catalogue& catalogue, const VolumeEntry& entry)
{
  SetVolume result;
  const auto existing = find_volume(catalogue, entry);
  if (!existing) {
    const auto now = utc_timestamp();
    const auto id = Query(connection(catalogue),
                          "INSERT INTO volume (engagement_id, month, unit, quantity, created_at, updated_at) "
                          "VALUES (?, ?, ?, ?, ?, ?)",
                          entry.engagement_id, entry.month.to_string(), domain::to_string(entry.unit),
                          entry.quantity, now, now)
                      .run_insert();
    stamp_import_batch(catalogue, "volume", id);
    audit_insert(catalogue, "volume", id);
    result.volume = {id, entry.engagement, entry.month, entry.quantity, entry.unit};
    return result;
  }
  result.volume = *existing;
  result.volume.quantity = entry.quantity;
  result.before = existing->quantity;
  if (existing->quantity == entry.quantity) {
    result.change = VolumeChange::unchanged;
    return result;
  }
  result.change = VolumeChange::replaced;
  const auto before = row_snapshot(catalogue, "volume", existing->id);
  Query(connection(catalogue), "UPDATE volume SET quantity = ?, updated_at = ? WHERE id = ?", entry.quantity,
        utc_timestamp(), existing->id)
    .run();
  audit_update(catalogue, "volume", existing->id, before);
  return result;
}

void each_volume(Catalogue& catalogue, const VolumeFilter& filter,
                 const std::function<void(const Volume&)>& visit)
{
  std::string sql = std::string(select_volume) + "WHERE TRUE";
  std::vector<SqlValue> params;
  if (!filter.engagement.empty()) {
    sql += " AND v.engagement_id = ?";
    params.emplace_back(find_engagement(catalogue, filter.engagement).id);
  }
  std::optional<domain::Month> from;
  std::optional<domain::Month> to;
  if (!filter.from.empty()) {
    from = domain::Month::parse(filter.from);
    sql += " AND v.month >= ?";
    params.emplace_back(from->to_string());
  }
  if (!filter.to.empty()) {
    to = domain::Month::parse(filter.to);
    sql += " AND v.month <= ?";
    params.emplace_back(to->to_string());
  }
  if (from && to && *to < *from) {
    throw ValidationError(
      fmt::format("invalid range: --from {} is after --to {}", from->to_string(), to->to_string()));
  }
  Query query(connection(catalogue), sql + " ORDER BY lower(e.ref), v.month, v.unit, v.id");
  query.bind_all(params);
  while (query.next()) {
    visit(read_volume(query));
  }
}

std::vector<Volume> list_volumes(Catalogue& catalogue, const VolumeFilter& filter)
{
  std::vector<Volume> volumes;
  each_volume(catalogue, filter, [&](const Volume& volume) { volumes.push_back(volume); });
  return volumes;
}

} // namespace vendorcat::store
