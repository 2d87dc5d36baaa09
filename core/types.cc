#include "core/types.h"

#include <cctype>

namespace stedi {

std::string_view TypeName(TypeId type) {
  switch (type) {
    case TypeId::kBool:
      return "bool";
    case TypeId::kInt32:
      return "int32";
    case TypeId::kInt64:
      return "int64";
    case TypeId::kDouble:
      return "double";
    case TypeId::kString:
      return "string";
    case TypeId::kTimestamp:
      return "timestamp";
  }
  return "unknown";
}

Result<TypeId> ParseTypeName(std::string_view name) {
  for (TypeId t : {TypeId::kBool, TypeId::kInt32, TypeId::kInt64, TypeId::kDouble, TypeId::kString,
                   TypeId::kTimestamp}) {
    if (TypeName(t) == name) return t;
  }
  return Status::InvalidArgument("unknown type name '" + std::string(name) + "'");
}

bool IsIntegerType(TypeId type) {
  return type == TypeId::kInt32 || type == TypeId::kInt64 || type == TypeId::kTimestamp;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

std::optional<size_t> Schema::Find(std::string_view name) const {
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (fields_[i].name == name) return i;
  }
  return std::nullopt;
}

std::optional<size_t> Schema::FindIgnoreCase(std::string_view name) const {
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (EqualsIgnoreCase(fields_[i].name, name)) return i;
  }
  return std::nullopt;
}

std::string Schema::ToString() const {
  std::string out;
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (i) out += ", ";
    out += fields_[i].name + ":" + std::string(TypeName(fields_[i].type));
    if (fields_[i].nullable) out += "?";
  }
  return out;
}

}  // namespace stedi
