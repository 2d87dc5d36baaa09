// ColumnBuilder: writes one column's values for a run of records.
//
// Cheaper per value than Column::Append*: values go through a raw pointer
// into memory sized in advance, nulls are remembered as row numbers and
// applied once at the end, and strings are interned with a one-entry cache in
// front of the dictionary, since landing files repeat a value over runs of
// rows (one user's readings in a row).
//
// Two ways to hold the values: a builder of its own column, which grows, or
// a builder writing a fixed run of rows of a column shared with other
// builders (each task of a parallel ingest writes its own run of the final
// column, so no value is ever copied from task columns into final ones).
#pragma once

#include <cassert>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "core/column.h"
#include "core/string_dictionary.h"
#include "core/types.h"

namespace stedi {

// What a builder of shared rows leaves besides the values it wrote.
struct ColumnPart {
  size_t rows = 0;                               // written from its first row on
  std::vector<uint32_t> nulls;                   // rows that are null, relative, ascending
  std::shared_ptr<StringDictionary> dictionary;  // strings: what its codes mean
};

class ColumnBuilder {
 public:
  // Builds a column of its own; Finish() returns it.
  explicit ColumnBuilder(TypeId type);
  // Writes rows [first_row, first_row + capacity) of `target`; FinishPart()
  // returns what else those rows need (nulls, the codes' dictionary).
  // REQUIRES: target's values vector already holds those rows, zeroed; it
  // is neither resized nor destroyed while the builder writes; at most
  // `capacity` rows are appended (see full()).
  ColumnBuilder(Column* target, size_t first_row, size_t capacity);

  TypeId type() const { return type_; }
  size_t size() const { return size_; }
  // True when writing rows of a shared column.
  bool shared() const { return shared_; }
  // True when writing shared rows and all of them are written.
  bool full() const { return shared_ && size_ == capacity_; }
  // Makes room for `rows` rows in all (builders of their own column only).
  void Reserve(size_t rows);

  // The slot of a null already holds 0: both kinds of storage start zeroed.
  void AppendNull() {
    nulls_.push_back(static_cast<uint32_t>(size_));
    if (size_ == capacity_) [[unlikely]]
      Grow();
    ++size_;
  }
  void AppendBool(bool v) { Claim<uint8_t>() = v ? 1 : 0; }
  void AppendInt32(int32_t v) { Claim<int32_t>() = v; }
  void AppendInt64(int64_t v) { Claim<int64_t>() = v; }  // int64 and timestamp
  void AppendDouble(double v) { Claim<double>() = v; }
  void AppendString(std::string_view v) {
    if (!(last_code_ >= 0 && v == last_)) {
      last_code_ = dict_->Intern(v);
      last_ = dict_->Get(last_code_);  // points into the dictionary: stable until the next Intern
    }
    Claim<int32_t>() = last_code_;
  }

  // The column built so far; the builder is left empty.
  // REQUIRES: built with ColumnBuilder(TypeId).
  Column Finish();
  // What the rows written need besides their values; the builder is spent.
  // REQUIRES: built with ColumnBuilder(Column*, ...).
  ColumnPart FinishPart();

 private:
  template <typename T>
  T& Claim() {
    if (size_ == capacity_) [[unlikely]]
      Grow();
    return static_cast<T*>(values_)[size_++];
  }
  void Grow();
  void PointAt(Column& column, size_t first_row, size_t capacity);

  TypeId type_;
  bool shared_ = false;
  void* values_ = nullptr;  // row 0 of this builder
  size_t size_ = 0;
  size_t capacity_ = 0;
  Column own_;                   // the values, when not shared
  std::vector<uint32_t> nulls_;  // rows that are null, ascending
  std::shared_ptr<StringDictionary> dict_;
  std::string_view last_;
  int32_t last_code_ = -1;
};

}  // namespace stedi
