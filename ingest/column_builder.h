// ColumnBuilder: accumulates one column's values for a chunk of records.
//
// Cheaper per value than Column::Append*: values go straight into a vector
// reserved for the chunk, nulls are remembered as row numbers and applied once
// at the end, and strings are interned with a one-entry cache in front of the
// dictionary, since landing files repeat a value over runs of rows (one
// user's readings in a row).
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "core/column.h"
#include "core/string_dictionary.h"
#include "core/types.h"

namespace stedi {

class ColumnBuilder {
 public:
  explicit ColumnBuilder(TypeId type);

  TypeId type() const { return type_; }
  size_t size() const { return size_; }
  void Reserve(size_t rows);

  void AppendNull() {
    nulls_.push_back(static_cast<uint32_t>(size_));
    switch (type_) {
      case TypeId::kBool:
        u8_.push_back(0);
        break;
      case TypeId::kInt32:
      case TypeId::kString:
        i32_.push_back(0);
        break;
      case TypeId::kInt64:
      case TypeId::kTimestamp:
        i64_.push_back(0);
        break;
      case TypeId::kDouble:
        f64_.push_back(0);
        break;
    }
    ++size_;
  }
  void AppendBool(bool v) { u8_.push_back(v ? 1 : 0), ++size_; }
  void AppendInt32(int32_t v) { i32_.push_back(v), ++size_; }
  void AppendInt64(int64_t v) { i64_.push_back(v), ++size_; }  // int64 and timestamp
  void AppendDouble(double v) { f64_.push_back(v), ++size_; }
  void AppendString(std::string_view v) {
    if (!(last_code_ >= 0 && v == last_)) {
      last_code_ = dict_->Intern(v);
      last_ = dict_->Get(last_code_);  // points into the dictionary: stable until the next Intern
    }
    i32_.push_back(last_code_);
    ++size_;
  }

  // The column built so far; the builder is left empty.
  Column Finish();

 private:
  TypeId type_;
  size_t size_ = 0;
  std::vector<uint8_t> u8_;
  std::vector<int32_t> i32_;
  std::vector<int64_t> i64_;
  std::vector<double> f64_;
  std::vector<uint32_t> nulls_;  // rows that are null, ascending
  std::shared_ptr<StringDictionary> dict_;
  std::string_view last_;
  int32_t last_code_ = -1;
};

}  // namespace stedi
