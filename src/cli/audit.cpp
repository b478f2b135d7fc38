// `vendorcat audit list`: the audit trail, newest first.

#include "cli/nouns.hpp"
#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "store/audit_trail.hpp"

#include <fmt/format.h>

#include <limits>

namespace vendorcat::cli {

namespace {

struct ListOptions
{
  std::optional<std::string> entity;
  std::optional<std::string> record;
  std::optional<std::string> since;
  std::optional<std::string> until;
  std::optional<std::string> actor;
  std::optional<std::string> limit;
};

// DATE as the date of FLAG; a bad date names the flag.
domain::Date date_flag(std::string_view flag, const std::string& text)
{
  try {
    return domain::Date::parse(text);
  } catch (const ValidationError& error) {
    throw ValidationError(fmt::format("{}: {}", flag, error.what()));
  }
}

std::int64_t limit_flag(const std::string& text)
{
  const bool digits =
    !text.empty() && text.size() < 18 && text.find_first_not_of("0123456789") == std::string::npos;
  const auto value = digits ? std::stoll(text) : 0;
  if (value < 1) {
    throw ValidationError(fmt::format("invalid --limit '{}': give a whole number, 1 or more", text));
  }
  return value;
}

void run_list(Session& session, const ListOptions& options)
{
  store::AuditFilter filter;
  filter.entity = options.entity;
  filter.record = options.record;
  filter.actor = options.actor;
  if (options.since) {
    filter.since = date_flag("--since", *options.since);
  }
  if (options.until) {
    filter.until = date_flag("--until", *options.until);
  }
  if (options.limit) {
    filter.limit = limit_flag(*options.limit);
  }
  auto stream = session.rows({{"id", table::Align::right},
                              {"at"},
                              {"actor"},
                              {"entity"},
                              {"record", table::Align::right},
                              {"action"},
                              {"changes", table::Align::left, table::Content::json}});
  store::each_audit_entry(session.catalogue(), filter, [&](const store::AuditEntry& entry) {
    stream.add({entry.id, entry.at, entry.actor, entry.entity,
                entry.record ? table::Value(*entry.record) : table::Value(), entry.action, entry.changes});
  });
  stream.finish();
}

std::string entity_list()
{
  std::string list;
  for (const auto entity : store::audit_entities()) {
    list += fmt::format("{}{}", list.empty() ? "" : ", ", entity);
  }
  return list;
}

} // namespace

void setup_audit(CLI::App& app, CommandSlot& slot)
{
  auto* noun = app.add_subcommand("audit", "Read the audit trail: what changed, when and by whom");
  noun->require_subcommand(1);

  auto list = std::make_shared<ListOptions>();
  auto* list_app = add_verb<ListOptions>(
    *noun, slot, "list",
    "List audit entries, newest first: id, at (UTC, to the second), actor, entity, record (the\n"
    "record's id), action (insert, update, delete, import, undo) and changes (field -> [before,\n"
    "after]; an object in json, one JSON text cell in csv and table). The actor is the\n"
    "operating-system user for a file and the database role for a server; entries written\n"
    "before the catalogue recorded actors have an empty actor. Filters combine with AND.\n"
    "Example: vendorcat audit list --entity provider --record Transcom --since 2026-01-01",
    Needs::reading, run_list, list);
  add_optional(list_app, "--entity", list->entity, "Only entries about this kind: " + entity_list());
  add_optional(list_app, "--record", list->record,
               "Only entries about this record. With --entity: in that kind, by name (a provider's\n"
               "name, an engagement's ref, a service's code; every record that has borne the name,\n"
               "removed or renamed ones too) or else by id. Without --entity: a number is that id in\n"
               "any kind, and a name is looked up as a provider name, engagement ref and service code");
  add_optional(list_app, "--since", list->since, "Only entries on or after this UTC day, YYYY-MM-DD");
  add_optional(list_app, "--until", list->until, "Only entries on or before this UTC day, YYYY-MM-DD");
  add_optional(list_app, "--actor", list->actor, "Only entries by this user or role (exact)");
  add_optional(list_app, "--limit", list->limit, "At most this many entries (the newest)");
}

} // namespace vendorcat::cli
