#pragma once

// The description of each record kind (see kind.hpp), and the fields of the
// small kinds whose store functions take their values one by one.

#include "io/kind.hpp"
#include "store/assessments.hpp"
#include "store/engagements.hpp"
#include "store/fx.hpp"
#include "store/locations.hpp"
#include "store/providers.hpp"
#include "store/services.hpp"
#include "store/spend.hpp"
#include "store/spend_load.hpp"
#include "store/volumes.hpp"

#include <optional>
#include <string>

namespace vendorcat::io {

struct LocationFields
{
  std::optional<std::string> provider;
  std::optional<std::string> country;
  std::optional<std::string> city;
  std::optional<std::string> name;
};

struct ServiceFields
{
  std::optional<std::string> code;
  std::optional<std::string> name;
  std::optional<std::string> type;
  std::optional<std::string> parent;
};

struct OfferingFields
{
  std::optional<std::string> provider;
  std::optional<std::string> service;
};

struct FxFields
{
  std::optional<std::string> currency;
  std::optional<std::string> month;
  std::optional<std::string> rate;
};

struct VolumeFields
{
  std::optional<std::string> engagement;
  std::optional<std::string> month;
  std::optional<std::string> quantity;
  std::optional<std::string> unit;
};

using ProviderKind = KindOf<store::Provider, store::ProviderFields>;
using LocationKind = KindOf<store::Location, LocationFields>;
using ServiceKind = KindOf<store::Service, ServiceFields>;
using OfferingKind = KindOf<store::Offering, OfferingFields>;
using EngagementKind = KindOf<store::Engagement, store::EngagementFields>;
using SpendKind = KindOf<store::SpendLine, store::SpendFields>;
using FxKind = KindOf<store::FxRate, FxFields>;
using VolumeKind = KindOf<store::Volume, VolumeFields>;
using AssessmentKind = KindOf<store::EngagementAssessment, store::AssessmentFields>;

const ProviderKind& providers_kind();
const LocationKind& locations_kind();
const ServiceKind& services_kind();
const OfferingKind& offerings_kind();
const EngagementKind& engagements_kind();
const SpendKind& spend_kind();
const FxKind& fx_kind();
const VolumeKind& volumes_kind();
const AssessmentKind& assessments_kind();

// Calls VISIT with the description of KIND and returns what it returns.
template<typename Visit>
decltype(auto) visit_kind(Kind kind, Visit&& visit)
{
  switch (kind) {
  case Kind::providers:
    return visit(providers_kind());
  case Kind::locations:
    return visit(locations_kind());
  case Kind::services:
    return visit(services_kind());
  case Kind::offerings:
    return visit(offerings_kind());
  case Kind::engagements:
    return visit(engagements_kind());
  case Kind::spend:
    return visit(spend_kind());
  case Kind::fx:
    return visit(fx_kind());
  case Kind::volumes:
    return visit(volumes_kind());
  case Kind::assessments:
    break;
  }
  return visit(assessments_kind());
}

} // namespace vendorcat::io
