// Status and Result<T>: the error type at every library boundary.
//
// A Status is ok, or a code plus a message that names where the problem is
// (file, line, byte offset). No exceptions cross a module boundary; callers
// check the Status and CLIs turn it into a message and an exit code.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace stedi {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // the caller asked for something malformed
    kNotFound,         // a file, table or column does not exist
    kIOError,          // the operating system refused a read or write
    kCorruption,       // stored bytes fail a checksum or do not parse
    kBadRecord,        // an input record was rejected (ingest, fail mode)
    kNotSupported,     // valid request the engine cannot serve yet
    kInternal,         // a bug: an invariant did not hold
  };

  Status() = default;
  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return {Code::kInvalidArgument, std::move(msg)};
  }
  static Status NotFound(std::string msg) { return {Code::kNotFound, std::move(msg)}; }
  static Status IOError(std::string msg) { return {Code::kIOError, std::move(msg)}; }
  static Status Corruption(std::string msg) { return {Code::kCorruption, std::move(msg)}; }
  static Status BadRecord(std::string msg) { return {Code::kBadRecord, std::move(msg)}; }
  static Status NotSupported(std::string msg) { return {Code::kNotSupported, std::move(msg)}; }
  static Status Internal(std::string msg) { return {Code::kInternal, std::move(msg)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "Corruption: customer/landing/seg-000000.sds: offset 120: chunk checksum mismatch"
  std::string ToString() const;

  bool IsNotFound() const { return code_ == Code::kNotFound; }
  bool IsCorruption() const { return code_ == Code::kCorruption; }
  bool IsIOError() const { return code_ == Code::kIOError; }
  bool IsInvalidArgument() const { return code_ == Code::kInvalidArgument; }
  bool IsBadRecord() const { return code_ == Code::kBadRecord; }

  // Returns a copy whose message is prefixed with `context` ("while reading X: ...").
  Status WithContext(const std::string& context) const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

const char* StatusCodeName(Status::Code code);

// Either a value or a non-ok Status.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(v_).ok() && "Result built from an ok Status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  // REQUIRES: ok()
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace stedi

#define STEDI_CONCAT_INNER(a, b) a##b
#define STEDI_CONCAT(a, b) STEDI_CONCAT_INNER(a, b)

// Returns the Status from the enclosing function when `expr` is not ok.
#define STEDI_RETURN_IF_ERROR(expr) \
  do {                              \
    ::stedi::Status _st = (expr);   \
    if (!_st.ok()) return _st;      \
  } while (0)

#define STEDI_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return tmp.status();               \
  lhs = std::move(tmp).value()

// `STEDI_ASSIGN_OR_RETURN(auto x, MakeX());` binds x or returns the error.
#define STEDI_ASSIGN_OR_RETURN(lhs, expr) \
  STEDI_ASSIGN_OR_RETURN_IMPL(STEDI_CONCAT(_res_, __LINE__), lhs, expr)
