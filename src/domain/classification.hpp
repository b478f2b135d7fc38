#pragma once

// How an engagement is classified: where the work is delivered from relative
// to the client (delivery model) and what kind of work it is (outsourcing type).

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace vendorcat::domain {

// Where the work is delivered from, seen from the client's home country.
enum class DeliveryModel
{
  onshore,
  nearshore,
  offshore,
};

// Business process outsourcing (rule-based work) or knowledge process
// outsourcing (judgement-based work).
enum class OutsourcingType
{
  bpo,
  kpo,
};

// Every delivery model and type, in the order reports show them.
inline constexpr DeliveryModel all_delivery_models[] = {DeliveryModel::onshore, DeliveryModel::nearshore,
                                                        DeliveryModel::offshore};
inline constexpr OutsourcingType all_outsourcing_types[] = {OutsourcingType::bpo, OutsourcingType::kpo};

// Where a classification comes from: derived by vendorcat (the delivery model
// from the countries, the type from the service's default), set explicitly by
// a user, or (a type only) from the engagement's BPO/KPO assessment.
enum class Source
{
  derived,
  explicit_,
  assessed,
};

// The delivery model named by TEXT (`onshore`, `nearshore`, `offshore`, any
// case); throws ValidationError listing the allowed values otherwise.
DeliveryModel parse_delivery_model(std::string_view text);

// The outsourcing type named by TEXT (`BPO` or `KPO`, any case); throws
// ValidationError listing the allowed values otherwise.
OutsourcingType parse_outsourcing_type(std::string_view text);

// The source named by TEXT (`derived`, `explicit` or `assessed`, any case);
// throws ValidationError listing the allowed values otherwise.
Source parse_source(std::string_view text);

// `onshore`, `nearshore` or `offshore`; never fails.
std::string to_string(DeliveryModel model);

// `BPO` or `KPO`; never fails.
std::string to_string(OutsourcingType type);

// `derived`, `explicit` or `assessed`; never fails.
std::string to_string(Source source);

// A country as an ISO 3166-1 alpha-2 code (`FI`) with its UN M49 region
// (`Europe`, `Americas`, ...); the region is empty for Antarctica.
struct Place
{
  std::string country;
  std::string region;
};

// Onshore when DELIVERY is in HOME's country, nearshore when both share a
// non-empty region, offshore otherwise. Codes are compared exactly (as stored,
// upper case); throws ValidationError when either country code is empty.
DeliveryModel derive_model(const Place& home, const Place& delivery);

// derive_model() with its reason, e.g. `nearshore: delivered from EE, home
// country FI, both in Europe`; throws like derive_model().
std::string explain_model(const Place& home, const Place& delivery);

} // namespace vendorcat::domain

template<>
struct fmt::formatter<vendorcat::domain::DeliveryModel> : fmt::formatter<std::string_view>
{
  auto format(vendorcat::domain::DeliveryModel model, format_context& ctx) const
  {
    return formatter<std::string_view>::format(to_string(model), ctx);
  }
};

template<>
struct fmt::formatter<vendorcat::domain::OutsourcingType> : fmt::formatter<std::string_view>
{
  auto format(vendorcat::domain::OutsourcingType type, format_context& ctx) const
  {
    return formatter<std::string_view>::format(to_string(type), ctx);
  }
};

template<>
struct fmt::formatter<vendorcat::domain::Source> : fmt::formatter<std::string_view>
{
  auto format(vendorcat::domain::Source source, format_context& ctx) const
  {
    return formatter<std::string_view>::format(to_string(source), ctx);
  }
};
