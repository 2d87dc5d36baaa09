#include "stedi/data_quality.h"

#include <utility>

namespace stedi {

namespace {

// Values of `column` that occur more than once (NULL is not a duplicate).
PlanBuilder Duplicates(const std::string& table, const std::string& column) {
  return PlanBuilder::Scan(table, {column})
      .Filter(IsNotNull(Col(column)))
      .Aggregate({column}, {{AggKind::kCount, "", "occurrences"}})
      .Filter(Gt(Col("occurrences"), LitInt(1)));
}

PlanBuilder UnknownUsers() {
  return PlanBuilder::Scan("accelerometer_landing", {"user", "timestamp"})
      .AntiJoin(PlanBuilder::Scan("customer_landing", {"email"}), {"user"}, {"email"});
}

PlanBuilder UnknownSerialNumbers() {
  return PlanBuilder::Scan("step_trainer_landing", {"serialNumber", "sensorReadingTime"})
      .AntiJoin(PlanBuilder::Scan("customer_landing", {"serialNumber"}), {"serialNumber"},
                {"serialNumber"});
}

// Landing readings of consenting customers taken before the consent date:
// what compat keeps and strict drops.
PlanBuilder ReadingsBeforeConsent() {
  return PlanBuilder::Scan("accelerometer_landing", {"user", "timestamp"})
      .Join(PlanBuilder::Scan("customer_trusted", {"email", "shareWithResearchAsOfDate"}), {"user"},
            {"email"})
      .Filter(Lt(Col("timestamp"), Col("shareWithResearchAsOfDate")))
      .Project({"user", "timestamp", "shareWithResearchAsOfDate"});
}

PlanBuilder StepsWithoutAccelerometer() {
  return PlanBuilder::Scan("step_trainer_trusted", {"serialNumber", "sensorReadingTime"})
      .AntiJoin(PlanBuilder::Scan("accelerometer_trusted", {"timestamp"}), {"sensorReadingTime"},
                {"timestamp"});
}

PlanBuilder AccelerometerWithoutSteps() {
  return PlanBuilder::Scan("accelerometer_trusted", {"user", "timestamp"})
      .AntiJoin(PlanBuilder::Scan("step_trainer_trusted", {"sensorReadingTime"}), {"timestamp"},
                {"sensorReadingTime"});
}

// Compat ml rows whose phone reading is not from the step trainer's owner.
PlanBuilder CrossCustomerMatches() {
  PlanBuilder owners = PlanBuilder::Scan("customers_curated", {"serialNumber", "email"})
                           .Rename({{"serialNumber", "ownerSerialNumber"}});
  return PlanBuilder::Scan("machine_learning_curated",
                           {"serialNumber", "sensorReadingTime", "user"})
      .AntiJoin(std::move(owners), {"serialNumber", "user"}, {"ownerSerialNumber", "email"});
}

}  // namespace

std::vector<QualityCheckSpec> QualityCheckSpecs(ZoneMode mode) {
  std::vector<QualityCheckSpec> specs = {
      {"duplicate_emails",
       "customer emails that occur more than once in customer_landing",
       {"customer_landing"},
       Duplicates("customer_landing", "email")},
      {"duplicate_serial_numbers",
       "step-trainer serial numbers shared by more than one customer record",
       {"customer_landing"},
       Duplicates("customer_landing", "serialNumber")},
      {"unknown_users",
       "accelerometer readings whose user is no customer's email",
       {"accelerometer_landing", "customer_landing"},
       UnknownUsers()},
      {"unknown_serial_numbers",
       "step readings whose serial number no customer owns",
       {"step_trainer_landing", "customer_landing"},
       UnknownSerialNumbers()},
      {"readings_before_consent",
       "accelerometer readings of trusted customers taken before their research-consent date",
       {"accelerometer_landing", "customer_trusted"},
       ReadingsBeforeConsent()},
      {"steps_without_accelerometer",
       "trusted step readings with no trusted accelerometer reading at the same timestamp",
       {"step_trainer_trusted", "accelerometer_trusted"},
       StepsWithoutAccelerometer()},
      {"accelerometer_without_steps",
       "trusted accelerometer readings with no trusted step reading at the same timestamp",
       {"accelerometer_trusted", "step_trainer_trusted"},
       AccelerometerWithoutSteps()},
  };
  QualityCheckSpec cross{"cross_customer_matches",
                         "machine_learning_curated rows pairing a step reading with another "
                         "customer's phone reading",
                         {"machine_learning_curated", "customers_curated"},
                         CrossCustomerMatches()};
  if (mode == ZoneMode::kStrict) {
    // Strict pairs a step reading only with its owner's readings.
    cross.description += " (0 by construction in strict mode)";
    cross.inputs.clear();
    cross.plan.reset();
  }
  specs.push_back(std::move(cross));
  return specs;
}

Result<QualityCheck> RunQualityCheck(const QualityCheckSpec& spec, ExecContext& ctx) {
  QualityCheck check{spec.name, spec.description, 0, {}};
  if (!spec.plan) return check;
  auto found = Execute(spec.plan->Build(), ctx);
  if (!found.ok()) return found.status().WithContext("quality check " + spec.name);
  check.count = found->num_rows();
  for (size_t i = 0; i < found->num_rows() && i < kMaxQualityExamples; ++i) {
    check.examples.push_back(found->RowToString(i));
  }
  return check;
}

namespace {

Result<uint64_t> CountRows(ExecContext& ctx, const std::string& table) {
  STEDI_ASSIGN_OR_RETURN(auto source, ctx.Lookup(table));
  STEDI_ASSIGN_OR_RETURN(Schema schema, source->GetSchema());
  if (schema.size() == 0) return uint64_t{0};
  // One column is enough to count; avoids copying the whole table.
  STEDI_ASSIGN_OR_RETURN(Table t, source->Scan({schema.field(0).name}, {}));
  return static_cast<uint64_t>(t.num_rows());
}

const std::vector<std::pair<std::string, std::string>>& RemovalReasons() {
  static const std::vector<std::pair<std::string, std::string>> kReasons = {
      {"accelerometer_trusted", "readings taken before the customer's research-consent date"},
      {"customers_curated", "customers whose readings all predate consent"},
      {"step_trainer_trusted",
       "step readings before the owner's consent date (or of devices of customers removed above)"},
      {"machine_learning_curated",
       "pairs of a step reading with another customer's phone reading, and readings removed "
       "above"},
  };
  return kReasons;
}

}  // namespace

Result<std::vector<StrictRemoval>> ComputeStrictRemovals(ExecContext& strict_ctx) {
  ExecContext compat(strict_ctx.threads());
  std::vector<StrictRemoval> removals;
  for (const ZoneTable& z : StediZones(ZoneMode::kCompat)) {
    if (z.zone == "landing") {
      // Shared, not copied: sources are immutable.
      STEDI_ASSIGN_OR_RETURN(auto source, strict_ctx.Lookup(z.name));
      compat.Register(z.name, std::move(source));
      continue;
    }
    auto result = Execute(z.plan, compat);
    if (!result.ok()) return result.status().WithContext("compat zone " + z.name);
    const uint64_t compat_rows = result->num_rows();
    compat.RegisterTable(z.name, std::move(result).value());
    for (const auto& [table, reason] : RemovalReasons()) {
      if (table != z.name) continue;
      STEDI_ASSIGN_OR_RETURN(uint64_t strict_rows, CountRows(strict_ctx, table));
      removals.push_back({table, compat_rows, strict_rows, reason});
    }
  }
  return removals;
}

}  // namespace stedi
