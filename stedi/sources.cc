#include "stedi/sources.h"

namespace stedi {

std::vector<SourceSpec> StediSources() {
  // Non-nullable fields are the ones every record must carry to be usable:
  // the join keys and the readings themselves. Consent dates are nullable by
  // design (absent = no consent).
  Schema customer({
      {"customerName", TypeId::kString, true},
      {"email", TypeId::kString, false},
      {"phone", TypeId::kString, true},
      {"birthDay", TypeId::kString, true},
      {"serialNumber", TypeId::kString, false},
      {"registrationDate", TypeId::kTimestamp, true},
      {"lastUpdateDate", TypeId::kTimestamp, true},
      {"shareWithResearchAsOfDate", TypeId::kTimestamp, true},
      {"shareWithPublicAsOfDate", TypeId::kTimestamp, true},
      {"shareWithFriendsAsOfDate", TypeId::kTimestamp, true},
  });
  Schema accelerometer({
      {"user", TypeId::kString, false},
      {"timestamp", TypeId::kTimestamp, false},
      {"x", TypeId::kDouble, true},
      {"y", TypeId::kDouble, true},
      {"z", TypeId::kDouble, true},
  });
  Schema step_trainer({
      {"sensorReadingTime", TypeId::kTimestamp, false},
      {"serialNumber", TypeId::kString, false},
      {"distanceFromObject", TypeId::kInt32, true},
  });
  return {
      {"customer", "customer/landing", "customer_landing", std::move(customer)},
      {"accelerometer", "accelerometer/landing", "accelerometer_landing", std::move(accelerometer)},
      {"step_trainer", "step_trainer/landing", "step_trainer_landing", std::move(step_trainer)},
  };
}

}  // namespace stedi
