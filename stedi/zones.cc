#include "stedi/zones.h"

#include <utility>

namespace stedi {

namespace {

const std::vector<std::string> kCustomerColumns = {"customerName",
                                                   "email",
                                                   "phone",
                                                   "birthDay",
                                                   "serialNumber",
                                                   "registrationDate",
                                                   "lastUpdateDate",
                                                   "shareWithResearchAsOfDate",
                                                   "shareWithPublicAsOfDate",
                                                   "shareWithFriendsAsOfDate"};
const std::vector<std::string> kAccelerometerColumns = {"user", "timestamp", "x", "y", "z"};
const std::vector<std::string> kStepColumns = {"sensorReadingTime", "serialNumber",
                                               "distanceFromObject"};

// Sensor tables are clustered by who/what took the reading, then time: runs
// of one user and near-consecutive timestamps compress best.
const std::vector<std::string> kAccelerometerOrder = {"user", "timestamp"};
const std::vector<std::string> kStepOrder = {"serialNumber", "sensorReadingTime"};

PlanBuilder Landing(const std::string& table) { return PlanBuilder::Scan(table); }

// A landing sensor table sorted into its clustering order, once: the trusted
// tables derived from it keep that order (semi-joins keep left order; the
// strict joins emit keys in the left dictionary's code order, which Sort
// makes byte order, and left rows in input order within a key), so the
// writer finds them in order and writes them as they are. The engine's Sort
// puts NULLs last where the writer puts them first, and ties -0.0 with +0.0,
// but the clustering columns are non-nullable strings and timestamps, where
// the two orders are the same.
PlanBuilder SortedLanding(const std::string& table, const std::vector<std::string>& order) {
  std::vector<SortKey> keys;
  for (const std::string& column : order) keys.push_back({column, /*ascending=*/true});
  return PlanBuilder::Scan(table).Sort(std::move(keys));
}

// Customers who said yes to research: the consent date is present.
PlanBuilder CustomerTrusted() {
  return PlanBuilder::Scan("customer_landing").Filter(IsNotNull(Col("shareWithResearchAsOfDate")));
}

// Compat: every reading of a trusted customer, whenever it was taken.
PlanBuilder AccelerometerTrustedCompat() {
  return PlanBuilder::Scan("accelerometer_landing")
      .SemiJoin(PlanBuilder::Scan("customer_trusted", {"email"}), {"user"}, {"email"});
}

// One row per key with the earliest research consent among the customers
// carrying it, so a customer listed twice cannot duplicate readings in a join.
PlanBuilder EarliestConsentBy(const std::string& key, const std::string& customers) {
  return PlanBuilder::Scan(customers, {key, "shareWithResearchAsOfDate"})
      .Aggregate({key},
                 {{AggKind::kMin, "shareWithResearchAsOfDate", "shareWithResearchAsOfDate"}});
}

// Strict: only readings taken at or after the customer's consent date.
PlanBuilder AccelerometerTrustedStrict() {
  return PlanBuilder::Scan("accelerometer_landing")
      .Join(EarliestConsentBy("email", "customer_trusted"), {"user"}, {"email"})
      .Filter(Ge(Col("timestamp"), Col("shareWithResearchAsOfDate")))
      .Project(kAccelerometerColumns);
}

// Trusted customers with at least one (trusted) accelerometer reading.
PlanBuilder CustomersCurated() {
  return PlanBuilder::Scan("customer_trusted")
      .SemiJoin(PlanBuilder::Scan("accelerometer_trusted", {"user"}), {"email"}, {"user"});
}

// Compat: readings of the step trainers that curated customers own.
PlanBuilder StepTrainerTrustedCompat() {
  return PlanBuilder::Scan("step_trainer_landing")
      .SemiJoin(PlanBuilder::Scan("customers_curated", {"serialNumber"}), {"serialNumber"},
                {"serialNumber"});
}

// Strict: the same, from the owner's consent date on.
PlanBuilder StepTrainerTrustedStrict() {
  return PlanBuilder::Scan("step_trainer_landing")
      .Join(EarliestConsentBy("serialNumber", "customers_curated")
                .Rename({{"serialNumber", "ownerSerialNumber"}}),
            {"serialNumber"}, {"ownerSerialNumber"})
      .Filter(Ge(Col("sensorReadingTime"), Col("shareWithResearchAsOfDate")))
      .Project(kStepColumns);
}

// Compat (the Udacity rule): a step reading pairs with every trusted
// accelerometer reading taken at the same millisecond, whoever took it. In
// the step readings' order (by device, then time), which is the order the
// table is stored in: the writer then neither sorts nor gathers it (scale
// 30: 7% less wall, peak RSS 282 -> 255 MB).
PlanBuilder MachineLearningCuratedCompat() {
  return PlanBuilder::Scan("step_trainer_trusted")
      .Join(PlanBuilder::Scan("accelerometer_trusted"), {"sensorReadingTime"}, {"timestamp"},
            JoinOrder::kLeft);
}

// Strict: a step reading pairs only with its owner's phone readings
// (serialNumber -> customer -> email = user); no email column is kept.
PlanBuilder MachineLearningCuratedStrict() {
  PlanBuilder owners = PlanBuilder::Scan("customers_curated", {"serialNumber", "email"})
                           .Rename({{"serialNumber", "ownerSerialNumber"}});
  return PlanBuilder::Scan("step_trainer_trusted")
      .Join(std::move(owners), {"serialNumber"}, {"ownerSerialNumber"})
      .Join(PlanBuilder::Scan("accelerometer_trusted"), {"email", "sensorReadingTime"},
            {"user", "timestamp"}, JoinOrder::kLeft)
      .Project(
          {"sensorReadingTime", "serialNumber", "distanceFromObject", "timestamp", "x", "y", "z"});
}

}  // namespace

const char* ZoneModeName(ZoneMode mode) { return mode == ZoneMode::kStrict ? "strict" : "compat"; }

std::vector<ZoneTable> StediZones(ZoneMode mode) {
  const bool strict = mode == ZoneMode::kStrict;
  std::vector<ZoneTable> zones;
  auto add = [&](std::string name, std::string zone, std::string path, std::string rule,
                 std::vector<std::string> inputs, std::vector<std::string> sort_by,
                 const PlanBuilder& plan) {
    zones.push_back({std::move(name), std::move(zone), std::move(path), std::move(rule),
                     std::move(inputs), std::move(sort_by), plan.Build()});
  };
  add("customer_landing", "landing", "customer/landing", "raw customers", {"customer_landing"}, {},
      Landing("customer_landing"));
  add("accelerometer_landing", "landing", "accelerometer/landing", "raw phone readings",
      {"accelerometer_landing"}, kAccelerometerOrder,
      SortedLanding("accelerometer_landing", kAccelerometerOrder));
  add("step_trainer_landing", "landing", "step_trainer/landing", "raw device readings",
      {"step_trainer_landing"}, kStepOrder, SortedLanding("step_trainer_landing", kStepOrder));
  add("customer_trusted", "trusted", "customer/trusted", "customers with a research-consent date",
      {"customer_landing"}, {}, CustomerTrusted());
  add("accelerometer_trusted", "trusted", "accelerometer/trusted",
      strict ? "readings of trusted customers taken at or after their consent date"
             : "readings whose user is a trusted customer",
      {"accelerometer_landing", "customer_trusted"}, kAccelerometerOrder,
      strict ? AccelerometerTrustedStrict() : AccelerometerTrustedCompat());
  add("customers_curated", "curated", "customer/curated",
      "trusted customers that have accelerometer readings",
      {"customer_trusted", "accelerometer_trusted"}, {}, CustomersCurated());
  add("step_trainer_trusted", "trusted", "step_trainer/trusted",
      strict ? "readings of curated customers' devices taken at or after the owner's consent date"
             : "readings of curated customers' devices (serial number)",
      {"step_trainer_landing", "customers_curated"}, kStepOrder,
      strict ? StepTrainerTrustedStrict() : StepTrainerTrustedCompat());
  add("machine_learning_curated", "curated", "step_trainer/curated",
      strict ? "step readings joined to the owner's accelerometer readings on equal timestamp"
             : "step readings joined to trusted accelerometer readings on equal timestamp",
      strict ? std::vector<std::string>{"step_trainer_trusted", "customers_curated",
                                        "accelerometer_trusted"}
             : std::vector<std::string>{"step_trainer_trusted", "accelerometer_trusted"},
      kStepOrder, strict ? MachineLearningCuratedStrict() : MachineLearningCuratedCompat());
  return zones;
}

}  // namespace stedi
