// Column: one typed column vector, the unit every layer exchanges.
//
// Values live in a std::vector of the physical type (see types.h); string
// columns hold int32 codes into a StringDictionary shared (copy-on-write)
// between columns derived from the same source, so filters and gathers never
// copy string bytes. A null slot holds 0 in the value vector; always consult
// the validity first.
//
// Copies share the value vector too, copy-on-write: the first mutable data()
// of a shared column clones it. Scans of in-memory tables, projections and
// renames therefore copy no values. Threads may write disjoint rows of one
// column at once through references taken from data() while no copy of it
// exists; a reference from mutable data() is the column's own only until the
// column is next copied.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/string_dictionary.h"
#include "core/types.h"
#include "core/validity.h"
#include "core/value.h"

namespace stedi {

class Column {
 public:
  explicit Column(TypeId type = TypeId::kInt64);

  TypeId type() const { return type_; }
  size_t size() const { return validity_.size(); }
  size_t null_count() const { return validity_.null_count(); }
  bool IsNull(size_t i) const { return validity_.IsNull(i); }
  const Validity& validity() const { return validity_; }
  Validity& mutable_validity() { return validity_; }

  // Physical values. T must match the type: uint8_t (bool), int32_t (int32 and
  // string codes), int64_t (int64, timestamp), double.
  template <typename T>
  std::vector<T>& data();
  template <typename T>
  const std::vector<T>& data() const;
  const std::vector<int32_t>& codes() const { return i32_.get(); }

  // String columns only.
  const StringDictionary& dictionary() const { return *dict_; }
  StringDictionary& mutable_dictionary();  // clones when shared
  const std::shared_ptr<const StringDictionary>& shared_dictionary() const { return dict_; }
  void set_dictionary(std::shared_ptr<const StringDictionary> dict) { dict_ = std::move(dict); }
  std::string_view GetString(size_t i) const { return dict_->Get(i32_.get()[i]); }

  void Reserve(size_t n);
  void AppendNull();
  void AppendBool(bool v);
  void AppendInt32(int32_t v);
  void AppendInt64(int64_t v);  // int64 and timestamp
  void AppendDouble(double v);
  void AppendString(std::string_view v);
  // REQUIRES: v.is_null or v.type converts losslessly to type().
  void AppendValue(const Value& v);
  // Appends every row of `other`. REQUIRES: other.type() == type().
  void AppendColumn(const Column& other);

  Value GetValue(size_t i) const;
  std::string ValueToString(size_t i) const;

  // The rows at `rows`, in that order (a selection vector). Strings share the dictionary.
  Column Gather(std::span<const uint32_t> rows) const;
  // Logical equality: same type, length, nulls, and values (strings by content;
  // doubles bit-for-bit so NaN equals NaN).
  bool Equals(const Column& other) const;

 private:
  // A value vector shared by copies; mut() clones it first when shared.
  template <typename T>
  class Values {
   public:
    const std::vector<T>& get() const { return v_ ? *v_ : Empty(); }
    std::vector<T>& mut() {
      if (!v_) {
        v_ = std::make_shared<std::vector<T>>();
      } else if (v_.use_count() > 1) {
        v_ = std::make_shared<std::vector<T>>(*v_);
      } else {
        // use_count() is a relaxed load: order the writes to come after the
        // reads of a copy another thread has just dropped.
        std::atomic_thread_fence(std::memory_order_acquire);
      }
      return *v_;
    }

   private:
    static const std::vector<T>& Empty() {
      static const std::vector<T> empty;
      return empty;
    }
    std::shared_ptr<std::vector<T>> v_;
  };

  TypeId type_;
  Validity validity_;
  Values<uint8_t> u8_;
  Values<int32_t> i32_;
  Values<int64_t> i64_;
  Values<double> f64_;
  std::shared_ptr<const StringDictionary> dict_;
};

template <>
inline std::vector<uint8_t>& Column::data<uint8_t>() {
  return u8_.mut();
}
template <>
inline const std::vector<uint8_t>& Column::data<uint8_t>() const {
  return u8_.get();
}
template <>
inline std::vector<int32_t>& Column::data<int32_t>() {
  return i32_.mut();
}
template <>
inline const std::vector<int32_t>& Column::data<int32_t>() const {
  return i32_.get();
}
template <>
inline std::vector<int64_t>& Column::data<int64_t>() {
  return i64_.mut();
}
template <>
inline const std::vector<int64_t>& Column::data<int64_t>() const {
  return i64_.get();
}
template <>
inline std::vector<double>& Column::data<double>() {
  return f64_.mut();
}
template <>
inline const std::vector<double>& Column::data<double>() const {
  return f64_.get();
}

// Calls f(T{}) with T the physical type of `type`: f(uint8_t{}), f(int32_t{}), ...
template <typename F>
decltype(auto) VisitPhysical(TypeId type, F&& f) {
  switch (type) {
    case TypeId::kBool:
      return f(uint8_t{});
    case TypeId::kInt32:
    case TypeId::kString:
      return f(int32_t{});
    case TypeId::kInt64:
    case TypeId::kTimestamp:
      return f(int64_t{});
    case TypeId::kDouble:
      return f(double{});
  }
  return f(int64_t{});
}

}  // namespace stedi
