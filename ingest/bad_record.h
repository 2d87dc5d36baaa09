// Bad records: what ingest does with them, and how rejected ones are kept.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace stedi {

// kQuarantine: load the good records, return the bad ones (RejectedRecord).
// kFail: stop at the first bad record (files in order, lines in order) with
//        Status::BadRecord "<file>:<line>: <reason>".
// kSkip: load the good records, count the bad ones, keep nothing else.
enum class BadRecordMode { kQuarantine, kFail, kSkip };

// "quarantine", "fail" or "skip"; InvalidArgument otherwise.
Result<BadRecordMode> ParseBadRecordMode(std::string_view name);
std::string_view BadRecordModeName(BadRecordMode mode);

// One rejected input record. `line` is 1-based: the line in a JSON Lines
// file, or the element index in a file holding one top-level JSON array.
// `raw` is the record's bytes as read (without the line terminator).
struct RejectedRecord {
  std::string file;
  uint64_t line = 0;
  std::string reason;
  std::string raw;

  bool operator==(const RejectedRecord&) const = default;
};

// Writes one JSON object per line: {"file":..,"line":..,"reason":..,"raw":..}.
// raw is a JSON string even when the record is not valid UTF-8: each byte
// that is not part of a valid UTF-8 sequence is written as \u00XX (its value
// as a code point), every other character as itself or its JSON escape.
// IOError naming `path` when it cannot be written.
Status WriteRejectedJsonl(const std::string& path, const std::vector<RejectedRecord>& records);

}  // namespace stedi
