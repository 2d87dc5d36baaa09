#include "ingest/field_matcher.h"

namespace stedi {

namespace {

char ToLowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

}  // namespace

bool EqualsLowercase(std::string_view key, std::string_view lower) {
  if (key.size() != lower.size()) return false;
  for (size_t i = 0; i < key.size(); ++i) {
    if (ToLowerAscii(key[i]) != lower[i]) return false;
  }
  return true;
}

std::string LowerAscii(std::string_view s) {
  std::string lower(s);
  for (char& c : lower) c = ToLowerAscii(c);
  return lower;
}

FieldMatcher::FieldMatcher(const Schema& schema) {
  for (const Field& f : schema.fields()) {
    names_.push_back(f.name);
    lower_.push_back(LowerAscii(f.name));
  }
}

}  // namespace stedi
