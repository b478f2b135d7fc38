// `vendorcat service list|add|update|remove`: the service taxonomy.

#include "cli/command_tree.hpp"
#include "cli/nouns.hpp"
#include "cli/rows.hpp"
#include "domain/counted.hpp"
#include "domain/errors.hpp"
#include "store/engagements.hpp"
#include "store/services.hpp"

#include <fmt/format.h>

namespace vendorcat::cli {

namespace {

struct ListOptions
{
  std::string type;
};

struct AddOptions
{
  std::string code;
  std::string name;
  std::string type;
  std::string parent;
};

struct UpdateOptions
{
  std::string code;
  std::optional<std::string> name;
  std::optional<std::string> type;
  std::optional<std::string> parent; // "" clears it
};

struct CodeOptions
{
  std::string code;
};

void refuse_builtin(const store::Service& service, std::string_view verb)
{
  if (store::is_builtin_service(service.code)) {
    throw ValidationError(fmt::format("cannot {} service '{}': it is a built-in service of the taxonomy; add "
                                      "one of your own with 'vendorcat service add'",
                                      verb, service.code));
  }
}

void run_list(Session& session, const ListOptions& options)
{
  std::optional<domain::OutsourcingType> type;
  if (!options.type.empty()) {
    type = domain::parse_outsourcing_type(options.type);
  }
  session.print(service_table(store::list_services(session.catalogue(), type)));
}

void run_add(Session& session, const AddOptions& options)
{
  const auto type = domain::parse_outsourcing_type(options.type);
  const auto service = session.write([&](store::Catalogue& catalogue) {
    return store::add_service(catalogue, options.code, options.name, type, options.parent);
  });
  session.note(fmt::format("added service '{}' ({}, id {})", service.code,
                           domain::to_string(service.default_type), service.id));
}

void run_update(Session& session, const UpdateOptions& options)
{
  if (!options.name && !options.type && !options.parent) {
    throw UsageError("nothing to change: give --name, --type or --parent");
  }
  const auto type =
    options.type ? std::optional(domain::parse_outsourcing_type(*options.type)) : std::nullopt;
  struct Outcome
  {
    store::Service service;
    std::size_t retyped = 0;
  };
  const auto outcome = session.write([&](store::Catalogue& catalogue) {
    const auto current = store::find_service(catalogue, options.code);
    refuse_builtin(current, "update");
    const auto new_type = type.value_or(current.default_type);
    // The engagements whose derived type follows the new default.
    std::size_t retyped = 0;
    if (new_type != current.default_type) {
      store::EngagementFilter filter;
      filter.service = current.code;
      store::each_engagement(catalogue, filter, [&](const store::Engagement& engagement) {
        retyped += engagement.type_source == domain::Source::derived && engagement.type != new_type ? 1 : 0;
      });
    }
    auto service = store::update_service(catalogue, current.id, options.name.value_or(current.name), new_type,
                                         options.parent.value_or(current.parent));
    return Outcome{std::move(service), retyped};
  });
  session.note(fmt::format(
    "updated service '{}' ({}{})", outcome.service.code, domain::to_string(outcome.service.default_type),
    outcome.retyped == 0
      ? std::string()
      : fmt::format("; {} with a derived type now {}", domain::counted(outcome.retyped, "engagement"),
                    domain::to_string(outcome.service.default_type))));
}

void run_remove(Session& session, const CodeOptions& options)
{
  const auto service = session.write([&](store::Catalogue& catalogue) {
    auto found = store::find_service(catalogue, options.code);
    refuse_builtin(found, "remove");
    store::remove_service(catalogue, found.id);
    return found;
  });
  session.note(fmt::format("removed service '{}'", service.code));
}

} // namespace

void setup_service(CLI::App& app, CommandSlot& slot)
{
  auto* noun = app.add_subcommand("service", "List, add, change and remove services of the taxonomy");
  noun->require_subcommand(1);

  auto list = std::make_shared<ListOptions>();
  add_verb<ListOptions>(*noun, slot, "list",
                        "List services with their default type.\nExample: vendorcat service list --type KPO",
                        Needs::reading, run_list, list)
    ->add_option("--type", list->type, "Only services whose default type is BPO or KPO")
    ->check(outsourcing_type_choices());

  auto add = std::make_shared<AddOptions>();
  auto* add_app = add_verb<AddOptions>(
    *noun, slot, "add",
    "Add a service.\nExample: vendorcat service add claims-processing --name 'Claims processing' "
    "--type BPO --parent finance-accounting",
    Needs::writing, run_add, add);
  add_app->add_option("CODE", add->code, "Lower-case code, e.g. claims-processing")->required();
  add_app->add_option("--name", add->name, "Display name")->required();
  add_app->add_option("--type", add->type, "Default type: BPO or KPO")
    ->required()
    ->check(outsourcing_type_choices());
  add_app->add_option("--parent", add->parent, "Parent service code");

  auto update = std::make_shared<UpdateOptions>();
  auto* update_app = add_verb<UpdateOptions>(
    *noun, slot, "update",
    "Change a service you added; the 16 built-in services are refused. A new default type\n"
    "re-derives the type of every engagement of the service whose type is derived (those set\n"
    "by hand or by an assessment keep theirs), audited, with spend reports following.\n"
    "Example: vendorcat service update claims-processing --type KPO --parent ''",
    Needs::writing, run_update, update);
  update_app->add_option("CODE", update->code, "Service code")->required();
  add_optional(update_app, "--name", update->name, "New display name");
  add_optional(update_app, "--type", update->type, "New default type: BPO or KPO")
    ->check(outsourcing_type_choices());
  add_optional(update_app, "--parent", update->parent, "New parent service code; '' for none");

  auto remove = std::make_shared<CodeOptions>();
  add_verb<CodeOptions>(*noun, slot, "remove",
                        "Remove a service you added; refused for the 16 built-in services and while\n"
                        "offerings, engagements or sub-services refer to it.\n"
                        "Example: vendorcat service remove claims-processing",
                        Needs::writing, run_remove, remove)
    ->add_option("CODE", remove->code, "Service code")
    ->required();
}

} // namespace vendorcat::cli
