#include "store/spend_writer.hpp"

#include "domain/errors.hpp"
#include "store/backend.hpp"
#include "store/import_batches.hpp"

#include <fmt/format.h>

namespace vendorcat::store {

namespace {

SinkPlan in_batch(Catalogue& catalogue, SinkPlan plan)
{
  plan.batch = current_import_batch(catalogue);
  return plan;
}

} // namespace

SpendWriter::SpendWriter(Catalogue& catalogue, const SinkPlan& plan)
  : m_sink(backend(catalogue).spend_sink(in_batch(catalogue, plan))), m_rollup(connection(catalogue))
{
}

SpendWriter::~SpendWriter() = default;

void SpendWriter::add_delta(const SpendRow& row, int sign)
{
  auto& delta = m_deltas[RollupKey::of(row.engagement_id, row.date, row.currency)];
  if (__builtin_add_overflow(delta.amount, sign * row.amount, &delta.amount)) {
    throw FieldError("amount", fmt::format("amount out of range: the {} total of {} would not fit in 64 bits",
                                           row.currency, row.date.substr(0, 7)));
  }
  delta.lines += sign;
  if (m_deltas.size() >= max_pending_keys) {
    m_rollup.write(m_deltas);
    m_deltas.clear();
  }
}

std::int64_t SpendWriter::insert(const SpendRow& row)
{
  add_delta(row, +1);
  try {
    return m_sink->insert(row);
  } catch (const UniqueViolation&) {
    add_delta(row, -1);
    throw FieldError("reference", repeated_reference_message(row.reference.value_or("")));
  }
}

void SpendWriter::update(std::int64_t id, const SpendRow& row)
{
  const auto old = m_sink->stored(id);
  if (!old) {
    throw NotFound(fmt::format("no spend line with id {}", id));
  }
  try {
    m_sink->update(id, row);
  } catch (const UniqueViolation&) {
    throw FieldError("reference", repeated_reference_message(row.reference.value_or("")));
  }
  add_delta(*old, -1);
  add_delta(row, +1);
}

std::optional<std::int64_t> SpendWriter::find(std::int64_t engagement_id, const std::string& reference)
{
  return m_sink->find(engagement_id, reference);
}

void SpendWriter::remove(std::int64_t id)
{
  const auto old = m_sink->stored(id);
  if (!old) {
    throw NotFound(fmt::format("no spend line with id {}", id));
  }
  m_sink->remove(id);
  add_delta(*old, -1);
}

void SpendWriter::check(const DuplicateVisitor& duplicate)
{
  m_sink->finish(duplicate);
}

void SpendWriter::flush()
{
  check([](std::int64_t, const std::string& reference) {
    throw ValidationError(repeated_reference_message(reference));
  });
  m_rollup.write(m_deltas);
  m_deltas.clear();
}

bool SpendWriter::reference_check_deferred() const
{
  return m_sink->reference_check_deferred();
}

} // namespace vendorcat::store
