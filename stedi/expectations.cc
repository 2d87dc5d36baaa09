#include "stedi/expectations.h"

#include <simdjson.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace stedi {

Expectations ReferenceCounts() {
  return {
      {"customer_landing", 956},        {"accelerometer_landing", 81273},
      {"step_trainer_landing", 28680},  {"customer_trusted", 482},
      {"accelerometer_trusted", 40981}, {"step_trainer_trusted", 14460},
      {"customers_curated", 482},       {"machine_learning_curated", 43681},
  };
}

namespace {

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Status ReadCounts(simdjson::ondemand::object obj, const std::string& origin, Expectations* out) {
  for (auto field : obj) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return Status::InvalidArgument(origin + ": bad key");
    uint64_t n;
    if (field.value().get_uint64().get(n)) {
      return Status::InvalidArgument(origin + ": value of '" + std::string(key) +
                                     "' is not a non-negative integer");
    }
    (*out)[std::string(key)] = n;
  }
  return Status::OK();
}

}  // namespace

Result<Expectations> ParseExpectations(const std::string& json, const std::string& origin) {
  simdjson::ondemand::parser parser;
  simdjson::padded_string padded(json);
  simdjson::ondemand::document doc;
  simdjson::ondemand::object obj;
  if (parser.iterate(padded).get(doc) || doc.get_object().get(obj)) {
    return Status::InvalidArgument(origin + ": expected a JSON object of table name -> row count");
  }
  Expectations out;
  STEDI_RETURN_IF_ERROR(ReadCounts(obj, origin, &out));
  return out;
}

Result<Expectations> LoadExpectationsFile(const std::string& path) {
  STEDI_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ParseExpectations(text, path);
}

Result<Expectations> LoadGeneratorManifest(const std::string& landing_dir) {
  const std::string path = (std::filesystem::path(landing_dir) / "stedi-gen.json").string();
  if (!std::filesystem::exists(path)) return Status::NotFound(path);
  STEDI_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  simdjson::ondemand::parser parser;
  simdjson::padded_string padded(text);
  simdjson::ondemand::document doc;
  simdjson::ondemand::object expected;
  if (parser.iterate(padded).get(doc) || doc["expected"].get_object().get(expected)) {
    return Status::Corruption(path + ": no \"expected\" object");
  }
  Expectations out;
  STEDI_RETURN_IF_ERROR(ReadCounts(expected, path, &out));
  return out;
}

}  // namespace stedi
