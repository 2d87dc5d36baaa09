#include "tools/segdump/value_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace stedi::segdump {
namespace {

constexpr int64_t kMsPerDay = 86'400'000;

// Howard Hinnant's days_from_civil / civil_from_days: exact for every int64 day.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int64_t* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int64_t>(yoe) + era * 400 + (*m <= 2);
}

// Reads exactly `digits` decimal digits at text[*pos].
bool ReadDigits(std::string_view text, size_t* pos, size_t digits, int64_t* out) {
  if (*pos + digits > text.size()) return false;
  int64_t v = 0;
  for (size_t i = 0; i < digits; ++i) {
    const char c = text[*pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *pos += digits;
  *out = v;
  return true;
}

bool Expect(std::string_view text, size_t* pos, char c) {
  if (*pos >= text.size() || text[*pos] != c) return false;
  ++*pos;
  return true;
}

// Time of day "HH:MM[:SS[.f{1,3}]]" at text[*pos], in ms.
bool ReadTimeOfDay(std::string_view text, size_t* pos, int64_t* ms) {
  int64_t h = 0, mi = 0, s = 0, frac = 0;
  if (!ReadDigits(text, pos, 2, &h) || !Expect(text, pos, ':') || !ReadDigits(text, pos, 2, &mi)) {
    return false;
  }
  if (Expect(text, pos, ':') && !ReadDigits(text, pos, 2, &s)) return false;
  if (Expect(text, pos, '.')) {
    size_t digits = 0;
    for (; *pos < text.size() && text[*pos] >= '0' && text[*pos] <= '9'; ++*pos, ++digits) {
      if (digits < 3) frac = frac * 10 + (text[*pos] - '0');
    }
    if (digits == 0 || digits > 3) return false;  // sub-millisecond would be silently lost
    for (; digits < 3; ++digits) frac *= 10;
  }
  if (h > 23 || mi > 59 || s > 59) return false;
  *ms = ((h * 60 + mi) * 60 + s) * 1000 + frac;
  return true;
}

}  // namespace

std::string FormatIso8601(int64_t epoch_ms) {
  // Floor division so that instants before 1970 get the right day.
  int64_t days = epoch_ms / kMsPerDay;
  int64_t rem = epoch_ms % kMsPerDay;
  if (rem < 0) {
    rem += kMsPerDay;
    --days;
  }
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
                static_cast<long long>(y), m, d, static_cast<long long>(rem / 3'600'000),
                static_cast<long long>(rem / 60'000 % 60), static_cast<long long>(rem / 1000 % 60),
                static_cast<long long>(rem % 1000));
  return buf;
}

Result<int64_t> ParseTimestamp(std::string_view text) {
  const auto bad = [&] {
    return Status::InvalidArgument("'" + std::string(text) +
                                   "' is not a timestamp (epoch ms or ISO-8601 UTC, e.g. "
                                   "2022-01-01T08:30:00.000Z)");
  };
  int64_t ms = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), ms);
  if (ec == std::errc() && end == text.data() + text.size()) return ms;
  size_t pos = 0;
  int64_t y = 0, mo = 0, d = 0, tod = 0;
  if (!ReadDigits(text, &pos, 4, &y) || !Expect(text, &pos, '-') ||
      !ReadDigits(text, &pos, 2, &mo) || !Expect(text, &pos, '-') ||
      !ReadDigits(text, &pos, 2, &d) || mo < 1 || mo > 12 || d < 1 || d > 31) {
    return bad();
  }
  if (pos < text.size() && (text[pos] == 'T' || text[pos] == ' ')) {
    ++pos;
    if (!ReadTimeOfDay(text, &pos, &tod)) return bad();
  }
  if (pos < text.size() && text[pos] == 'Z') ++pos;
  if (pos != text.size()) return bad();
  const int64_t days = DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  int64_t cy;
  unsigned cm, cd;
  CivilFromDays(days, &cy, &cm, &cd);
  if (cd != d) return bad();  // e.g. 2022-02-30
  return days * kMsPerDay + tod;
}

std::string FormatDouble(double v) {
  if (std::isnan(v)) return "nan";
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string CellText(const Column& column, size_t row, ValueStyle style) {
  switch (column.type()) {
    case TypeId::kBool:
      return column.data<uint8_t>()[row] ? "true" : "false";
    case TypeId::kInt32:
      return std::to_string(column.data<int32_t>()[row]);
    case TypeId::kInt64:
      return std::to_string(column.data<int64_t>()[row]);
    case TypeId::kTimestamp: {
      const int64_t ms = column.data<int64_t>()[row];
      return style == ValueStyle::kHuman ? FormatIso8601(ms) : std::to_string(ms);
    }
    case TypeId::kDouble:
      return FormatDouble(column.data<double>()[row]);
    case TypeId::kString:
      return std::string(column.GetString(row));
  }
  return {};
}

std::string ValueText(const Value& v, ValueStyle style) {
  switch (v.type) {
    case TypeId::kBool:
      return v.i ? "true" : "false";
    case TypeId::kTimestamp:
      return style == ValueStyle::kHuman ? FormatIso8601(v.i) : std::to_string(v.i);
    case TypeId::kDouble:
      return FormatDouble(v.d);
    case TypeId::kString:
      return v.s;
    default:
      return std::to_string(v.i);
  }
}

Result<Value> ParseLiteral(std::string_view text, TypeId type) {
  const auto bad = [&] {
    return Status::InvalidArgument("'" + std::string(text) + "' is not a " +
                                   std::string(TypeName(type)) + " literal");
  };
  const char* first = text.data();
  const char* last = first + text.size();
  switch (type) {
    case TypeId::kString:
      return Value::String(std::string(text));
    case TypeId::kBool:
      if (text == "true") return Value::Bool(true);
      if (text == "false") return Value::Bool(false);
      return bad();
    case TypeId::kTimestamp: {
      STEDI_ASSIGN_OR_RETURN(int64_t ms, ParseTimestamp(text));
      return Value::Timestamp(ms);
    }
    case TypeId::kDouble: {
      double d = 0;
      const auto r = std::from_chars(first, last, d);
      if (r.ec != std::errc() || r.ptr != last) return bad();
      return Value::Double(d);
    }
    case TypeId::kInt32:
    case TypeId::kInt64: {
      int64_t i = 0;
      const auto r = std::from_chars(first, last, i);
      if (r.ec != std::errc() || r.ptr != last) return bad();
      if (type == TypeId::kInt32 && (i < INT32_MIN || i > INT32_MAX)) return bad();
      return type == TypeId::kInt32 ? Value::Int32(static_cast<int32_t>(i)) : Value::Int64(i);
    }
  }
  return bad();
}

}  // namespace stedi::segdump
