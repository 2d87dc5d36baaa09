#include "reference_counts.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace stedi::testing {

namespace {

namespace fs = std::filesystem;
using simdjson::ondemand::object;

struct Customer {
  std::string email;
  std::string serial;
  bool trusted;
};

struct Reading {
  std::string key;  // user or serialNumber
  int64_t time;
};

// Calls `f` on each line's object of every *.json file in `dir`; `f` returns
// false when a field is missing or mistyped. Returns an error message or "".
std::string ForEachRecord(const fs::path& dir, const std::function<bool(object&)>& f) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  if (ec) return dir.string() + ": " + ec.message();
  std::sort(files.begin(), files.end());
  simdjson::ondemand::parser parser;
  for (const fs::path& path : files) {
    simdjson::padded_string text;
    if (simdjson::padded_string::load(path.string()).get(text))
      return path.string() + ": unreadable";
    simdjson::ondemand::document_stream stream;
    if (parser.iterate_many(text).get(stream)) return path.string() + ": not JSON Lines";
    uint64_t line = 0;
    for (auto doc : stream) {
      ++line;
      object o;
      if (doc.get_object().get(o) || !f(o)) {
        return path.string() + ": line " + std::to_string(line) + ": bad record";
      }
    }
  }
  return "";
}

bool GetString(object& o, const char* key, std::string* out) {
  std::string_view v;
  if (o[key].get_string().get(v)) return false;
  out->assign(v);
  return true;
}

}  // namespace

std::map<std::string, uint64_t> ReferenceCounts::ToMap() const {
  return {{"customer_landing", customer_landing},
          {"accelerometer_landing", accelerometer_landing},
          {"step_trainer_landing", step_trainer_landing},
          {"customer_trusted", customer_trusted},
          {"accelerometer_trusted", accelerometer_trusted},
          {"customers_curated", customers_curated},
          {"step_trainer_trusted", step_trainer_trusted},
          {"machine_learning_curated", machine_learning_curated}};
}

namespace {

struct Landing {
  std::vector<Customer> customers;
  std::vector<Reading> phone;
  std::vector<Reading> step;
};

// Reads the three landing tables; returns an error message or "".
std::string Load(const fs::path& root, Landing* in) {
  std::string error = ForEachRecord(root / "customer/landing", [&](object& o) {
    Customer c;
    if (!GetString(o, "email", &c.email) || !GetString(o, "serialNumber", &c.serial)) return false;
    // Absent and null both mean no consent; field order is not assumed.
    simdjson::ondemand::value consent;
    c.trusted =
        !o.find_field_unordered("shareWithResearchAsOfDate").get(consent) && !consent.is_null();
    in->customers.push_back(std::move(c));
    return true;
  });
  if (!error.empty()) return error;
  error = ForEachRecord(root / "accelerometer/landing", [&](object& o) {
    Reading r;
    if (!GetString(o, "user", &r.key) || o["timestamp"].get_int64().get(r.time)) return false;
    in->phone.push_back(std::move(r));
    return true;
  });
  if (!error.empty()) return error;
  return ForEachRecord(root / "step_trainer/landing", [&](object& o) {
    Reading r;
    if (o["sensorReadingTime"].get_int64().get(r.time) || !GetString(o, "serialNumber", &r.key)) {
      return false;
    }
    in->step.push_back(std::move(r));
    return true;
  });
}

}  // namespace

ReferenceCounts CountZones(const std::string& landing_dir) {
  ReferenceCounts n;
  Landing in;
  n.error = Load(fs::path(landing_dir), &in);
  if (!n.error.empty()) return n;
  n.customer_landing = in.customers.size();
  n.accelerometer_landing = in.phone.size();
  n.step_trainer_landing = in.step.size();
  std::unordered_map<std::string, uint64_t> trusted_rows_by_email;
  for (const Customer& c : in.customers) {
    if (!c.trusted) continue;
    ++n.customer_trusted;
    ++trusted_rows_by_email[c.email];
  }
  std::unordered_set<std::string> users;
  std::unordered_map<int64_t, uint64_t> trusted_phone_rows_at;  // accelerometer_trusted by time
  for (const Reading& r : in.phone) {
    users.insert(r.key);
    auto it = trusted_rows_by_email.find(r.key);
    if (it == trusted_rows_by_email.end()) continue;
    n.accelerometer_trusted += it->second;
    trusted_phone_rows_at[r.time] += it->second;
  }
  std::unordered_set<std::string> curated_serials;
  for (const Customer& c : in.customers) {
    if (!c.trusted || !users.count(c.email)) continue;
    ++n.customers_curated;
    curated_serials.insert(c.serial);
  }
  for (const Reading& r : in.step) {
    if (!curated_serials.count(r.key)) continue;
    ++n.step_trainer_trusted;
    auto it = trusted_phone_rows_at.find(r.time);
    if (it != trusted_phone_rows_at.end()) n.machine_learning_curated += it->second;
  }
  return n;
}

}  // namespace stedi::testing
