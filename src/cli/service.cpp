// `vendorcat service list|add`: the service taxonomy.

#include "cli/nouns.hpp"
#include "cli/rows.hpp"
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

} // namespace

void setup_service(CLI::App& app, CommandSlot& slot)
{
  auto* noun = app.add_subcommand("service", "List and add services of the taxonomy");
  noun->require_subcommand(1);

  auto list = std::make_shared<ListOptions>();
  add_verb<ListOptions>(*noun, slot, "list",
                        "List services with their default type.\nExample: vendorcat service list --type KPO",
                        Needs::reading, run_list, list)
    ->add_option("--type", list->type, "Only services whose default type is BPO or KPO");

  auto add = std::make_shared<AddOptions>();
  auto* add_app = add_verb<AddOptions>(
    *noun, slot, "add",
    "Add a service.\nExample: vendorcat service add claims-processing --name 'Claims processing' "
    "--type BPO --parent finance-accounting",
    Needs::writing, run_add, add);
  add_app->add_option("CODE", add->code, "Lower-case code, e.g. claims-processing")->required();
  add_app->add_option("--name", add->name, "Display name")->required();
  add_app->add_option("--type", add->type, "Default type: BPO or KPO")->required();
  add_app->add_option("--parent", add->parent, "Parent service code");
}

} // namespace vendorcat::cli
