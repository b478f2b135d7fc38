#include "domain/classification.hpp"
#include "domain/errors.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace vendorcat;
using namespace vendorcat::domain;

namespace {

// The ValidationError message of CALL, or "no error".
template<typename Call>
std::string error_of(Call call)
{
  try {
    call();
  } catch (const ValidationError& error) {
    return error.what();
  }
  return "no error";
}

} // namespace

TEST(ParseDeliveryModel, AcceptsNamesInAnyCase)
{
  EXPECT_EQ(parse_delivery_model("onshore"), DeliveryModel::onshore);
  EXPECT_EQ(parse_delivery_model("Nearshore"), DeliveryModel::nearshore);
  EXPECT_EQ(parse_delivery_model("OFFSHORE"), DeliveryModel::offshore);
}

TEST(ParseDeliveryModel, RejectsOtherNamesListingTheAllowedOnes)
{
  EXPECT_EQ(error_of([] { parse_delivery_model("inshore"); }),
            "invalid delivery model 'inshore': expected onshore, nearshore or offshore");
  EXPECT_THROW(parse_delivery_model(""), ValidationError);
  EXPECT_THROW(parse_delivery_model("onshore "), ValidationError);
}

TEST(ParseOutsourcingType, AcceptsNamesInAnyCase)
{
  EXPECT_EQ(parse_outsourcing_type("BPO"), OutsourcingType::bpo);
  EXPECT_EQ(parse_outsourcing_type("bpo"), OutsourcingType::bpo);
  EXPECT_EQ(parse_outsourcing_type("Kpo"), OutsourcingType::kpo);
}

TEST(ParseOutsourcingType, RejectsOtherNamesListingTheAllowedOnes)
{
  EXPECT_EQ(error_of([] { parse_outsourcing_type("ITO"); }),
            "invalid outsourcing type 'ITO': expected BPO or KPO");
  EXPECT_THROW(parse_outsourcing_type(""), ValidationError);
}

TEST(ParseSource, AcceptsNamesInAnyCase)
{
  EXPECT_EQ(parse_source("derived"), Source::derived);
  EXPECT_EQ(parse_source("Explicit"), Source::explicit_);
}

TEST(ParseSource, RejectsOtherNamesListingTheAllowedOnes)
{
  EXPECT_EQ(error_of([] { parse_source("explicit_"); }),
            "invalid source 'explicit_': expected derived, explicit or assessed");
  EXPECT_EQ(error_of([] { parse_source("manual"); }),
            "invalid source 'manual': expected derived, explicit or assessed");
}

TEST(ClassificationToString, GivesTheCanonicalNames)
{
  EXPECT_EQ(to_string(DeliveryModel::onshore), "onshore");
  EXPECT_EQ(to_string(DeliveryModel::nearshore), "nearshore");
  EXPECT_EQ(to_string(DeliveryModel::offshore), "offshore");
  EXPECT_EQ(to_string(OutsourcingType::bpo), "BPO");
  EXPECT_EQ(to_string(OutsourcingType::kpo), "KPO");
  EXPECT_EQ(to_string(Source::derived), "derived");
  EXPECT_EQ(to_string(Source::explicit_), "explicit");
}

TEST(ClassificationToString, RoundTripsThroughParse)
{
  for (const DeliveryModel model :
       {DeliveryModel::onshore, DeliveryModel::nearshore, DeliveryModel::offshore}) {
    EXPECT_EQ(parse_delivery_model(to_string(model)), model);
  }
  for (const OutsourcingType type : {OutsourcingType::bpo, OutsourcingType::kpo}) {
    EXPECT_EQ(parse_outsourcing_type(to_string(type)), type);
  }
  for (const Source source : {Source::derived, Source::explicit_}) {
    EXPECT_EQ(parse_source(to_string(source)), source);
  }
}

TEST(ClassificationFormatter, FormatsWithFmt)
{
  EXPECT_EQ(fmt::format("{} {} {}", DeliveryModel::nearshore, OutsourcingType::kpo, Source::explicit_),
            "nearshore KPO explicit");
  EXPECT_EQ(fmt::format("[{:>5}]", OutsourcingType::bpo), "[  BPO]");
}

TEST(DeriveModel, FollowsCountryAndRegion)
{
  struct Case
  {
    Place home;
    Place delivery;
    DeliveryModel expected;
  };
  const std::vector<Case> cases = {
    {{"FI", "Europe"}, {"FI", "Europe"}, DeliveryModel::onshore},
    {{"FI", "Europe"}, {"EE", "Europe"}, DeliveryModel::nearshore},
    {{"FI", "Europe"}, {"DE", "Europe"}, DeliveryModel::nearshore},
    {{"FI", "Europe"}, {"IN", "Asia"}, DeliveryModel::offshore},
    {{"FI", "Europe"}, {"PH", "Asia"}, DeliveryModel::offshore},
    {{"FI", "Europe"}, {"US", "Americas"}, DeliveryModel::offshore},
    {{"US", "Americas"}, {"US", "Americas"}, DeliveryModel::onshore},
    {{"US", "Americas"}, {"MX", "Americas"}, DeliveryModel::nearshore},
    {{"US", "Americas"}, {"CA", "Americas"}, DeliveryModel::nearshore},
    {{"US", "Americas"}, {"IN", "Asia"}, DeliveryModel::offshore},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(derive_model(c.home, c.delivery), c.expected)
      << "home " << c.home.country << ", delivery " << c.delivery.country;
  }
}

TEST(DeriveModel, NeverCallsAnEmptyRegionNearshore)
{
  EXPECT_EQ(derive_model({"AQ", ""}, {"BV", ""}), DeliveryModel::offshore);
  EXPECT_EQ(derive_model({"AQ", ""}, {"AQ", ""}), DeliveryModel::onshore);
  EXPECT_EQ(derive_model({"FI", "Europe"}, {"AQ", ""}), DeliveryModel::offshore);
}

TEST(DeriveModel, RejectsMissingCountries)
{
  EXPECT_EQ(error_of([] {
              derive_model({"", "Europe"}, {"FI", "Europe"});
            }),
            "cannot derive a delivery model: the home country is missing");
  EXPECT_EQ(error_of([] {
              derive_model({"FI", "Europe"}, {"", ""});
            }),
            "cannot derive a delivery model: the delivery country is missing");
}

TEST(ExplainModel, ExplainsOnshore)
{
  EXPECT_EQ(explain_model({"FI", "Europe"}, {"FI", "Europe"}),
            "onshore: delivered from FI, the home country");
}

TEST(ExplainModel, ExplainsNearshore)
{
  EXPECT_EQ(explain_model({"FI", "Europe"}, {"EE", "Europe"}),
            "nearshore: delivered from EE, home country FI, both in Europe");
}

TEST(ExplainModel, ExplainsOffshore)
{
  EXPECT_EQ(explain_model({"FI", "Europe"}, {"IN", "Asia"}),
            "offshore: delivered from IN (Asia), home country FI (Europe)");
  EXPECT_EQ(explain_model({"FI", "Europe"}, {"AQ", ""}),
            "offshore: delivered from AQ (no region), home country FI (Europe)");
}

TEST(ExplainModel, RejectsMissingCountries)
{
  EXPECT_THROW(explain_model({"", ""}, {"FI", "Europe"}), ValidationError);
}
