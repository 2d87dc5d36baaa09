// FieldMatcher: finds the schema field a JSON key names, ignoring ASCII case.
//
// Real landing files drift between spellings ("timestamp", "timeStamp"), so
// keys match fields case-insensitively, as Glue and Athena resolve columns.
// Built once per schema; matching a key allocates nothing and never lowers
// the key into a new string.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace stedi {

// True when `key` equals `lower` ignoring ASCII case. REQUIRES: `lower` is lowercase.
bool EqualsLowercase(std::string_view key, std::string_view lower);
// `s` with ASCII letters lowered (other bytes, UTF-8 included, unchanged).
std::string LowerAscii(std::string_view s);

class FieldMatcher {
 public:
  explicit FieldMatcher(const Schema& schema);

  // Index of the field `key` names, or -1. `hint` is the field expected next
  // (keys usually come in schema order), tried first.
  int Match(std::string_view key, size_t hint) const {
    if (hint < names_.size() && Matches(key, hint)) return static_cast<int>(hint);
    for (size_t i = 0; i < names_.size(); ++i) {
      if (i != hint && Matches(key, i)) return static_cast<int>(i);
    }
    return -1;
  }

 private:
  bool Matches(std::string_view key, size_t i) const {
    // Exact spelling first: one memcmp in the common case.
    return key.size() == names_[i].size() && (key == names_[i] || EqualsLowercase(key, lower_[i]));
  }
  std::vector<std::string> names_;
  std::vector<std::string> lower_;
};

}  // namespace stedi
