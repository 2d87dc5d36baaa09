// Logical types, fields and schemas.
//
// Every type maps to one physical representation in memory (see column.h):
//   kBool -> uint8_t (0/1), kInt32 -> int32_t, kInt64 and kTimestamp -> int64_t,
//   kDouble -> double, kString -> int32_t codes into a per-column dictionary.
// kTimestamp is epoch milliseconds, UTC.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace stedi {

enum class TypeId : uint8_t {
  kBool = 1,
  kInt32 = 2,
  kInt64 = 3,
  kDouble = 4,
  kString = 5,
  kTimestamp = 6,
};

// "bool", "int32", "int64", "double", "string", "timestamp".
std::string_view TypeName(TypeId type);
Result<TypeId> ParseTypeName(std::string_view name);
// True for types stored as integers (int32, int64, timestamp).
bool IsIntegerType(TypeId type);

struct Field {
  std::string name;
  TypeId type = TypeId::kInt64;
  bool nullable = true;

  bool operator==(const Field&) const = default;
};

class Schema {
 public:
  Schema() = default;
  explicit Schema(std::vector<Field> fields) : fields_(std::move(fields)) {}

  const std::vector<Field>& fields() const { return fields_; }
  size_t size() const { return fields_.size(); }
  const Field& field(size_t i) const { return fields_[i]; }
  void AddField(Field f) { fields_.push_back(std::move(f)); }

  // Index of the field named `name` (exact match), or nullopt.
  std::optional<size_t> Find(std::string_view name) const;
  // Same, ignoring ASCII case, as Glue and Athena resolve column names.
  std::optional<size_t> FindIgnoreCase(std::string_view name) const;
  // "name:type[?], ..." with ? marking nullable fields.
  std::string ToString() const;

  bool operator==(const Schema&) const = default;

 private:
  std::vector<Field> fields_;
};

bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace stedi
