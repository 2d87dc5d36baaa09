#include "ingest/flat_record_scanner.h"

#include <simdjson.h>

#include <cstdint>
#include <cstring>

namespace stedi {

namespace {

// Every scan below may read past the record's end into the padding, but each
// stops at the record's closing '}' (checked first), which no token absorbs.
// Positions are then compared with `last` (that '}') where it matters.

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsDigit(char c) { return static_cast<unsigned char>(c - '0') < 10; }

const char* SkipSpace(const char* p) {
  while (IsSpace(*p)) ++p;
  return p;
}

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighs = 0x8080808080808080ULL;

// Bytes of `v` that are zero, flagged in their high bit (the lowest flag is exact).
uint64_t ZeroBytes(uint64_t v) { return (v - kOnes) & ~v & kHighs; }

// The closing quote of the string whose text starts at `p`, or nullptr when
// the string holds an escape or a control character (the full parser's
// business), or does not close before `last`. Sets *non_ascii when the text
// has a byte >= 0x80 (then it must be checked as UTF-8).
const char* FindStringEnd(const char* p, const char* last, bool* non_ascii) {
  while (p < last) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    const uint64_t special = ZeroBytes(v ^ (kOnes * '"')) | ZeroBytes(v ^ (kOnes * '\\')) |
                             ((v - kOnes * 0x20) & ~v & kHighs) | (v & kHighs);
    if (special == 0) {
      p += 8;
      continue;
    }
    const char* q = p + (__builtin_ctzll(special) >> 3);
    if (q >= last) return nullptr;
    if (*q == '"') return q;
    if (static_cast<unsigned char>(*q) < 0x80) return nullptr;  // '\\' or a control character
    *non_ascii = true;
    p = q + 1;
  }
  return nullptr;
}

uint64_t Load8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// True when the n bytes at a and b are equal; inline, as keys are short.
// REQUIRES: 8 bytes readable from a + n and b + n.
bool SameBytes(const char* a, const char* b, size_t n) {
  for (; n >= 8; a += 8, b += 8, n -= 8) {
    if (Load8(a) != Load8(b)) return false;
  }
  const uint64_t mask = (uint64_t{1} << (8 * n)) - 1;
  return ((Load8(a) ^ Load8(b)) & mask) == 0;
}

constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// True when the 8 bytes are all ASCII digits.
bool AllDigits(uint64_t v) {
  return ((v & 0xF0F0F0F0F0F0F0F0ULL) |
          (((v + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL) >> 4)) == 0x3333333333333333ULL;
}

// The value of 8 ASCII digits (first digit in the lowest byte), in three
// multiplications (as simdjson and fast_float do).
uint64_t EightDigits(uint64_t v) {
  constexpr uint64_t kMask = 0x000000FF000000FFULL;
  v -= 0x3030303030303030ULL;
  v = v * 10 + (v >> 8);
  return (((v & kMask) * 0x000F424000000064ULL) + (((v >> 16) & kMask) * 0x0000271000000001ULL)) >>
         32;
}

// Reads up to 18 digits (no leading zero) at *p into *value. False when
// there are none, more, or a leading zero: cases left to the full parser.
// Long runs (timestamps) go 8 digits at a time.
bool ReadDigits(const char*& p, uint64_t* value, int* count) {
  const char* start = p;
  uint64_t v = 0;
  if (AllDigits(Load8(p))) {
    v = EightDigits(Load8(p));
    p += 8;
  }
  while (IsDigit(*p) && p - start < 19) v = v * 10 + static_cast<uint64_t>(*p++ - '0');
  const auto n = static_cast<int>(p - start);
  *value = v;
  *count = n;
  return n > 0 && n < 19 && !(n > 1 && *start == '0');
}

// An integer without fraction or exponent, as int64 (18 digits at most).
const char* ScanInteger(const char* p, TypeId type, StagedValue& value) {
  const bool negative = *p == '-';
  p += negative ? 1 : 0;
  uint64_t magnitude;
  int digits;
  if (!ReadDigits(p, &magnitude, &digits)) return nullptr;
  if (*p == '.' || *p == 'e' || *p == 'E') return nullptr;
  const int64_t v = negative ? -static_cast<int64_t>(magnitude) : static_cast<int64_t>(magnitude);
  if (type == TypeId::kInt32 && (v < INT32_MIN || v > INT32_MAX)) return nullptr;
  value.i = v;
  return p;
}

// A number as a double when it converts exactly: at most 2^53 as an integer
// of all its digits, and at most 22 of them after the point. Then the
// result is one correctly rounded IEEE operation on exact operands (Clinger's
// fast path), the same double any correct parser (simdjson's) returns.
const char* ScanDouble(const char* p, StagedValue& value) {
  const bool negative = *p == '-';
  p += negative ? 1 : 0;
  uint64_t mantissa;
  int digits;
  if (!ReadDigits(p, &mantissa, &digits)) return nullptr;
  int fraction_digits = 0;
  if (*p == '.') {
    ++p;
    const char* start = p;
    while (IsDigit(*p) && p - start < 19)
      mantissa = mantissa * 10 + static_cast<uint64_t>(*p++ - '0');
    fraction_digits = static_cast<int>(p - start);
    if (fraction_digits == 0 || digits + fraction_digits > 18) return nullptr;
  }
  if (*p == 'e' || *p == 'E' || IsDigit(*p)) return nullptr;
  if (mantissa > (uint64_t{1} << 53) || (negative && mantissa == 0)) return nullptr;
  const double magnitude = static_cast<double>(mantissa) / kPow10[fraction_digits];
  value.d = negative ? -magnitude : magnitude;
  return p;
}

}  // namespace

FlatRecordScanner::FlatRecordScanner(const Schema& schema) : matcher_(schema) {
  for (const Field& f : schema.fields()) {
    quoted_names_.push_back(f.name + '"' + std::string(8, '\0'));
    bool plain = true;
    for (char c : f.name) plain &= c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20;
    plain_names_.push_back(plain && simdjson::validate_utf8(f.name.data(), f.name.size()));
    types_.push_back(f.type);
  }
}

const char* FlatRecordScanner::ScanKey(const char* p, const char* last, size_t hint,
                                       size_t* field) const {
  if (*p != '"') return nullptr;
  ++p;
  // The expected key, spelled as the schema spells it: one compare.
  if (hint < quoted_names_.size() && plain_names_[hint]) {
    const std::string& quoted = quoted_names_[hint];
    const size_t size = quoted.size() - 8;  // the name and its closing quote
    if (p + size <= last && SameBytes(p, quoted.data(), size)) {
      *field = hint;
      return p + size;
    }
  }
  // Any other: the key has no escape, so its bytes equal a field name's but
  // for ASCII case, and they are valid UTF-8 when the name is.
  bool non_ascii = false;
  const char* end = FindStringEnd(p, last, &non_ascii);
  if (end == nullptr) return nullptr;
  const auto size = static_cast<size_t>(end - p);
  if (non_ascii && !simdjson::validate_utf8(p, size)) return nullptr;
  const int index = matcher_.Match(std::string_view(p, size), hint);
  if (index < 0) return nullptr;
  *field = static_cast<size_t>(index);
  return end + 1;
}

const char* FlatRecordScanner::ScanValue(const char* p, const char* last, TypeId type,
                                         StagedValue& value) const {
  if (*p == 'n') {
    if (std::memcmp(p, "null", 4) != 0) return nullptr;
    value.state = StagedState::kNull;
    return p + 4;
  }
  value.state = StagedState::kValue;
  switch (type) {
    case TypeId::kString: {
      if (*p != '"') return nullptr;
      bool non_ascii = false;
      const char* end = FindStringEnd(p + 1, last, &non_ascii);
      if (end == nullptr) return nullptr;
      const auto size = static_cast<size_t>(end - p - 1);
      if (non_ascii && !simdjson::validate_utf8(p + 1, size)) return nullptr;
      value.s = std::string_view(p + 1, size);
      return end + 1;
    }
    case TypeId::kDouble:
      return ScanDouble(p, value);
    case TypeId::kInt32:
    case TypeId::kInt64:
    case TypeId::kTimestamp:
      return ScanInteger(p, type, value);
    case TypeId::kBool:
      if (std::memcmp(p, "true", 4) == 0) {
        value.i = 1;
        return p + 4;
      }
      if (std::memcmp(p, "false", 5) == 0) {
        value.i = 0;
        return p + 5;
      }
      return nullptr;
  }
  return nullptr;
}

[[gnu::flatten]] bool FlatRecordScanner::Scan(const char* data, size_t size,
                                              StagedValue* values) const {
  const char* end = data + size;
  while (end > data && IsSpace(end[-1])) --end;
  if (end == data || end[-1] != '}') return false;
  const char* const last = end - 1;
  const char* p = SkipSpace(data);
  if (*p != '{') return false;
  p = SkipSpace(p + 1);
  if (*p == '}') return p == last;
  size_t hint = 0;
  while (true) {
    size_t field;
    p = ScanKey(p, last, hint, &field);
    if (p == nullptr) return false;
    p = SkipSpace(p);
    if (*p != ':') return false;
    StagedValue& value = values[field];
    if (value.state != StagedState::kAbsent) return false;  // a repeated key
    p = ScanValue(SkipSpace(p + 1), last, types_[field], value);
    if (p == nullptr) return false;
    p = SkipSpace(p);
    hint = field + 1;
    if (*p == ',') {
      p = SkipSpace(p + 1);
      continue;
    }
    return *p == '}' && p == last;
  }
}

}  // namespace stedi
