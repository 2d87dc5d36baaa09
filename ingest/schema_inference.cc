#include "ingest/schema_inference.h"

#include <simdjson.h>

#include <cstring>
#include <unordered_map>
#include <utility>

#include "ingest/array_elements.h"
#include "ingest/field_matcher.h"
#include "ingest/padded_text.h"

namespace stedi {

namespace ondemand = simdjson::ondemand;

namespace {

// What a key has held so far, in widening order (kNested excludes the key).
enum class Kind : uint8_t { kNullOnly, kBool, kInt, kDouble, kString, kNested };

Kind Widen(Kind a, Kind b) {
  if (a == Kind::kNested || b == Kind::kNested) return Kind::kNested;
  if (a == Kind::kNullOnly || a == b) return b;
  if (b == Kind::kNullOnly) return a;
  const bool numbers =
      (a == Kind::kInt || a == Kind::kDouble) && (b == Kind::kInt || b == Kind::kDouble);
  return numbers ? Kind::kDouble : Kind::kString;
}

simdjson::error_code KindOf(ondemand::value& v, Kind* kind) {
  ondemand::json_type type;
  if (auto e = v.type().get(type)) return e;
  switch (type) {
    case ondemand::json_type::object:
    case ondemand::json_type::array:
      *kind = Kind::kNested;
      return simdjson::SUCCESS;
    case ondemand::json_type::string:
      *kind = Kind::kString;
      return v.get_string().error();
    case ondemand::json_type::boolean:
      *kind = Kind::kBool;
      return v.get_bool().error();
    case ondemand::json_type::null: {
      *kind = Kind::kNullOnly;
      bool is_null = false;
      if (auto e = v.is_null().get(is_null)) return e;
      return is_null ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
    }
    case ondemand::json_type::number: {
      ondemand::number_type n;
      if (auto e = v.get_number_type().get(n)) return e;
      *kind = n == ondemand::number_type::signed_integer ? Kind::kInt : Kind::kDouble;
      return v.get_double().error();
    }
  }
  return simdjson::INCORRECT_TYPE;
}

class Inferrer {
 public:
  // Folds in one record; false when it is not a valid JSON object (ignored).
  bool Add(std::string_view record) {
    ondemand::document doc;
    ondemand::object object;
    if (parser_.iterate(record.data(), record.size(), record.size() + PaddedText::kPadding)
            .get(doc) ||
        doc.get_object().get(object)) {
      return false;
    }
    keys_.clear();
    for (auto&& field_result : object) {
      ondemand::field field;
      std::string_view key;
      Kind kind;
      if (std::move(field_result).get(field) || field.unescaped_key().get(key) ||
          KindOf(field.value(), &kind)) {
        return false;
      }
      std::string lower = LowerAscii(key);
      for (const auto& k : keys_) {
        if (k.lower == lower) return false;  // duplicate key: a bad record
      }
      keys_.push_back({std::string(key), std::move(lower), kind});
    }
    if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) return false;
    for (auto& k : keys_) Fold(k);
    return true;
  }

  Schema Finish() const {
    Schema schema;
    for (const Seen& s : fields_) {
      if (s.kind == Kind::kNested) continue;
      static constexpr TypeId kTypes[] = {TypeId::kString, TypeId::kBool, TypeId::kInt64,
                                          TypeId::kDouble, TypeId::kString};
      schema.AddField(Field{s.name, kTypes[static_cast<int>(s.kind)], true});
    }
    return schema;
  }

 private:
  struct Seen {
    std::string name;
    std::string lower;
    Kind kind;
  };
  void Fold(Seen& key) {
    auto [it, inserted] = index_.emplace(key.lower, fields_.size());
    if (inserted) {
      fields_.push_back(std::move(key));
    } else {
      fields_[it->second].kind = Widen(fields_[it->second].kind, key.kind);
    }
  }

  ondemand::parser parser_;
  std::vector<Seen> keys_;  // of the current record
  std::vector<Seen> fields_;
  std::unordered_map<std::string, size_t> index_;  // lowercase name -> fields_
};

// Feeds the records of one file; false once `budget` records were taken.
bool AddFile(std::string_view text, Inferrer& inferrer, size_t& budget) {
  auto take = [&](std::string_view record, uint64_t) {
    if (inferrer.Add(record) && --budget == 0) return false;
    return true;
  };
  if (IsJsonArrayText(text)) {
    std::string_view rest;
    ForEachArrayElement(text, take, &rest);
    return budget > 0;
  }
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (!take(line, 0)) return false;
  }
  return true;
}

}  // namespace

Result<Schema> InferSchema(const std::vector<std::string>& files, size_t sample_records) {
  Inferrer inferrer;
  size_t budget = sample_records == 0 ? SIZE_MAX : sample_records;
  for (const std::string& file : files) {
    STEDI_ASSIGN_OR_RETURN(PaddedText text, LoadTextFile(file));
    if (!AddFile(text.view(), inferrer, budget)) break;
  }
  return inferrer.Finish();
}

}  // namespace stedi
