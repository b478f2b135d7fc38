// Delivery models, outsourcing types and classification sources: their names,
// and the rule that derives a delivery model from the client's home country and
// the country the work is delivered from (same country onshore, same UN M49
// region nearshore, anything else offshore), with a one-line explanation.

#include "domain/classification.hpp"

#include "domain/ascii.hpp"
#include "domain/errors.hpp"

namespace vendorcat::domain {

namespace {

void check_places(const Place& home, const Place& delivery)
{
  if (home.country.empty()) {
    throw ValidationError("cannot derive a delivery model: the home country is missing");
  }
  if (delivery.country.empty()) {
    throw ValidationError("cannot derive a delivery model: the delivery country is missing");
  }
}

std::string describe_region(const std::string& region)
{
  return region.empty() ? std::string("no region") : region;
}

} // namespace

DeliveryModel parse_delivery_model(std::string_view text)
{
  for (const DeliveryModel model :
       {DeliveryModel::onshore, DeliveryModel::nearshore, DeliveryModel::offshore}) {
    if (ascii_iequals(text, to_string(model))) {
      return model;
    }
  }
  throw ValidationError(
    fmt::format("invalid delivery model '{}': expected onshore, nearshore or offshore", text));
}

OutsourcingType parse_outsourcing_type(std::string_view text)
{
  for (const OutsourcingType type : {OutsourcingType::bpo, OutsourcingType::kpo}) {
    if (ascii_iequals(text, to_string(type))) {
      return type;
    }
  }
  throw ValidationError(fmt::format("invalid outsourcing type '{}': expected BPO or KPO", text));
}

Source parse_source(std::string_view text)
{
  for (const Source source : {Source::derived, Source::explicit_, Source::assessed}) {
    if (ascii_iequals(text, to_string(source))) {
      return source;
    }
  }
  throw ValidationError(fmt::format("invalid source '{}': expected derived, explicit or assessed", text));
}

std::string to_string(DeliveryModel model)
{
  switch (model) {
  case DeliveryModel::onshore:
    return "onshore";
  case DeliveryModel::nearshore:
    return "nearshore";
  case DeliveryModel::offshore:
    break;
  }
  return "offshore";
}

std::string to_string(OutsourcingType type)
{
  switch (type) {
  case OutsourcingType::bpo:
    return "BPO";
  case OutsourcingType::kpo:
    break;
  }
  return "KPO";
}

std::string to_string(Source source)
{
  switch (source) {
  case Source::derived:
    return "derived";
  case Source::explicit_:
    return "explicit";
  case Source::assessed:
    break;
  }
  return "assessed";
}

DeliveryModel derive_model(const Place& home, const Place& delivery)
{
  check_places(home, delivery);
  if (delivery.country == home.country) {
    return DeliveryModel::onshore;
  }
  if (!home.region.empty() && delivery.region == home.region) {
    return DeliveryModel::nearshore;
  }
  return DeliveryModel::offshore;
}

std::string explain_model(const Place& home, const Place& delivery)
{
  const DeliveryModel model = derive_model(home, delivery);
  switch (model) {
  case DeliveryModel::onshore:
    return fmt::format("onshore: delivered from {}, the home country", delivery.country);
  case DeliveryModel::nearshore:
    return fmt::format("nearshore: delivered from {}, home country {}, both in {}", delivery.country,
                       home.country, home.region);
  case DeliveryModel::offshore:
    break;
  }
  return fmt::format("offshore: delivered from {} ({}), home country {} ({})", delivery.country,
                     describe_region(delivery.region), home.country, describe_region(home.region));
}

} // namespace vendorcat::domain
