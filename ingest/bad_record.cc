#include "ingest/bad_record.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/json_writer.h"

namespace stedi {

Result<BadRecordMode> ParseBadRecordMode(std::string_view name) {
  if (name == "quarantine") return BadRecordMode::kQuarantine;
  if (name == "fail") return BadRecordMode::kFail;
  if (name == "skip") return BadRecordMode::kSkip;
  return Status::InvalidArgument("bad record mode '" + std::string(name) +
                                 "': expected quarantine, fail or skip");
}

std::string_view BadRecordModeName(BadRecordMode mode) {
  switch (mode) {
    case BadRecordMode::kQuarantine:
      return "quarantine";
    case BadRecordMode::kFail:
      return "fail";
    case BadRecordMode::kSkip:
      return "skip";
  }
  return "?";
}

Status WriteRejectedJsonl(const std::string& path, const std::vector<RejectedRecord>& records) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return Status::IOError(path + ": cannot create: " + std::strerror(errno));
  std::string line;
  int err = 0;  // the first error, from fwrite or (buffered data) from fclose
  for (const RejectedRecord& r : records) {
    JsonWriter w;
    w.BeginObject().Key("file").String(r.file).Key("line").Uint(r.line);
    w.Key("reason").String(r.reason).Key("raw").String(r.raw).EndObject();
    line = w.str();
    line += '\n';
    if (std::fwrite(line.data(), 1, line.size(), f) != line.size()) {
      err = errno;
      break;
    }
  }
  if (std::fclose(f) != 0 && err == 0) err = errno;
  if (err != 0) return Status::IOError(path + ": write failed: " + std::strerror(err));
  return Status::OK();
}

}  // namespace stedi
