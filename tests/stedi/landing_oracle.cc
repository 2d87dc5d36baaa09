#include "landing_oracle.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace stedi::testing {

namespace {

namespace fs = std::filesystem;
using simdjson::ondemand::object;

// Calls f(record) for each JSON line of every *.json file under dir.
void ForEachRecord(const fs::path& dir, const std::function<void(object)>& f) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  simdjson::ondemand::parser parser;
  for (const fs::path& p : files) {
    simdjson::padded_string text = simdjson::padded_string::load(p.string()).value();
    simdjson::ondemand::document_stream stream = parser.iterate_many(text).value();
    for (auto doc : stream) f(doc.get_object().value());
  }
}

struct Customer {
  std::string email, serial;
  std::optional<int64_t> consent;
};

struct Reading {
  std::string key;  // user (accelerometer) or serialNumber (step trainer)
  int64_t time;
};

}  // namespace

std::map<std::string, uint64_t> OracleCounts(const std::string& landing_dir, bool strict) {
  const fs::path root(landing_dir);
  std::vector<Customer> customers;
  ForEachRecord(root / "customer/landing", [&](object o) {
    Customer c;
    c.email = std::string(o["email"].get_string().value());
    c.serial = std::string(o["serialNumber"].get_string().value());
    int64_t consent;
    if (!o["shareWithResearchAsOfDate"].get_int64().get(consent)) c.consent = consent;
    customers.push_back(std::move(c));
  });
  std::vector<Reading> accel, step;
  ForEachRecord(root / "accelerometer/landing", [&](object o) {
    std::string user(o["user"].get_string().value());
    accel.push_back({std::move(user), o["timestamp"].get_int64().value()});
  });
  ForEachRecord(root / "step_trainer/landing", [&](object o) {
    int64_t t = o["sensorReadingTime"].get_int64().value();
    step.push_back({std::string(o["serialNumber"].get_string().value()), t});
  });

  std::unordered_map<std::string, int64_t> consent_by_email;  // trusted customers
  for (const Customer& c : customers)
    if (c.consent) consent_by_email[c.email] = *c.consent;
  auto accel_trusted = [&](const Reading& r) {
    auto it = consent_by_email.find(r.key);
    return it != consent_by_email.end() && (!strict || r.time >= it->second);
  };
  std::unordered_set<std::string> users_with_readings;
  uint64_t accel_trusted_rows = 0;
  for (const Reading& r : accel) {
    if (!accel_trusted(r)) continue;
    ++accel_trusted_rows;
    users_with_readings.insert(r.key);
  }
  std::unordered_map<std::string, const Customer*> curated_by_serial;
  uint64_t curated = 0;
  for (const Customer& c : customers) {
    if (!c.consent || !users_with_readings.count(c.email)) continue;
    ++curated;
    curated_by_serial[c.serial] = &c;
  }
  std::vector<const Reading*> step_trusted;
  for (const Reading& r : step) {
    auto it = curated_by_serial.find(r.key);
    if (it == curated_by_serial.end()) continue;
    if (strict && r.time < *it->second->consent) continue;
    step_trusted.push_back(&r);
  }
  // machine_learning_curated: compat pairs on time alone; strict also on owner.
  std::unordered_map<std::string, uint64_t> accel_by_key;
  for (const Reading& r : accel) {
    if (!accel_trusted(r)) continue;
    ++accel_by_key[(strict ? r.key : std::string()) + "|" + std::to_string(r.time)];
  }
  uint64_t ml = 0;
  for (const Reading* r : step_trusted) {
    std::string owner = strict ? curated_by_serial.at(r->key)->email : std::string();
    auto it = accel_by_key.find(owner + "|" + std::to_string(r->time));
    if (it != accel_by_key.end()) ml += it->second;
  }
  return {
      {"customer_landing", customers.size()},        {"accelerometer_landing", accel.size()},
      {"step_trainer_landing", step.size()},         {"customer_trusted", consent_by_email.size()},
      {"accelerometer_trusted", accel_trusted_rows}, {"customers_curated", curated},
      {"step_trainer_trusted", step_trusted.size()}, {"machine_learning_curated", ml},
  };
}

}  // namespace stedi::testing
