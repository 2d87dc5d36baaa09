#include "core/column.h"

#include <atomic>
#include <cassert>
#include <cstring>

namespace stedi {

Column::Column(TypeId type) : type_(type) {
  if (type_ == TypeId::kString) dict_ = std::make_shared<StringDictionary>();
  // Allocated now, so threads that write rows of a new column never race to create it.
  VisitPhysical(type_, [&](auto t) { data<decltype(t)>(); });
}

StringDictionary& Column::mutable_dictionary() {
  assert(type_ == TypeId::kString);
  if (dict_.use_count() > 1) {
    dict_ = std::make_shared<StringDictionary>(*dict_);
  } else {
    std::atomic_thread_fence(std::memory_order_acquire);  // as in Values::mut()
  }
  // Safe: this column is now the dictionary's only owner.
  return const_cast<StringDictionary&>(*dict_);
}

void Column::Reserve(size_t n) {
  validity_.Reserve(n);
  VisitPhysical(type_, [&](auto t) { data<decltype(t)>().reserve(n); });
}

void Column::AppendNull() {
  VisitPhysical(type_, [&](auto t) { data<decltype(t)>().push_back(0); });
  validity_.Append(false);
}

void Column::AppendBool(bool v) {
  u8_.mut().push_back(v ? 1 : 0);
  validity_.Append(true);
}
void Column::AppendInt32(int32_t v) {
  i32_.mut().push_back(v);
  validity_.Append(true);
}
void Column::AppendInt64(int64_t v) {
  i64_.mut().push_back(v);
  validity_.Append(true);
}
void Column::AppendDouble(double v) {
  f64_.mut().push_back(v);
  validity_.Append(true);
}
void Column::AppendString(std::string_view v) {
  i32_.mut().push_back(mutable_dictionary().Intern(v));
  validity_.Append(true);
}

void Column::AppendValue(const Value& v) {
  if (v.is_null) return AppendNull();
  switch (type_) {
    case TypeId::kBool:
      return AppendBool(v.i != 0);
    case TypeId::kInt32:
      return AppendInt32(static_cast<int32_t>(v.i));
    case TypeId::kInt64:
    case TypeId::kTimestamp:
      return AppendInt64(v.i);
    case TypeId::kDouble:
      return AppendDouble(v.type == TypeId::kDouble ? v.d : static_cast<double>(v.i));
    case TypeId::kString:
      return AppendString(v.s);
  }
}

void Column::AppendColumn(const Column& other) {
  assert(other.type_ == type_);
  const size_t base = size();
  if (type_ == TypeId::kString) {
    if (size() == 0 && dict_->size() == 0) {
      dict_ = other.dict_;
      i32_ = other.i32_;  // shared until either side changes
    } else if (dict_ == other.dict_) {
      std::vector<int32_t>& dst = i32_.mut();
      dst.insert(dst.end(), other.codes().begin(), other.codes().end());
    } else {
      std::vector<int32_t> remap = mutable_dictionary().Merge(*other.dict_);
      std::vector<int32_t>& dst = i32_.mut();
      const std::vector<int32_t>& src = other.codes();
      dst.reserve(base + other.size());
      for (size_t i = 0; i < other.size(); ++i) dst.push_back(other.IsNull(i) ? 0 : remap[src[i]]);
    }
  } else {
    VisitPhysical(type_, [&](auto t) {
      auto& dst = data<decltype(t)>();
      const auto& src = other.data<decltype(t)>();
      dst.insert(dst.end(), src.begin(), src.end());
    });
  }
  if (other.validity_.all_valid()) {
    validity_.AppendValid(other.size());
  } else {
    for (size_t i = 0; i < other.size(); ++i) validity_.Append(other.validity_.IsValid(i));
  }
}

Value Column::GetValue(size_t i) const {
  if (IsNull(i)) return Value::Null(type_);
  switch (type_) {
    case TypeId::kBool:
      return Value::Bool(u8_.get()[i] != 0);
    case TypeId::kInt32:
      return Value::Int32(i32_.get()[i]);
    case TypeId::kInt64:
      return Value::Int64(i64_.get()[i]);
    case TypeId::kTimestamp:
      return Value::Timestamp(i64_.get()[i]);
    case TypeId::kDouble:
      return Value::Double(f64_.get()[i]);
    case TypeId::kString:
      return Value::String(std::string(GetString(i)));
  }
  return Value::Null(type_);
}

std::string Column::ValueToString(size_t i) const { return GetValue(i).ToString(); }

Column Column::Gather(std::span<const uint32_t> rows) const {
  Column out(type_);
  out.dict_ = dict_;
  VisitPhysical(type_, [&](auto t) {
    using T = decltype(t);
    const auto& src = data<T>();
    auto& dst = out.data<T>();
    dst.resize(rows.size());
    for (size_t k = 0; k < rows.size(); ++k) dst[k] = src[rows[k]];
  });
  if (validity_.all_valid()) {
    out.validity_.AppendValid(rows.size());
  } else {
    for (uint32_t r : rows) out.validity_.Append(validity_.IsValid(r));
  }
  return out;
}

bool Column::Equals(const Column& other) const {
  if (type_ != other.type_ || size() != other.size() || null_count() != other.null_count()) {
    return false;
  }
  for (size_t i = 0; i < size(); ++i) {
    if (IsNull(i) != other.IsNull(i)) return false;
    if (IsNull(i)) continue;
    bool same = true;
    switch (type_) {
      case TypeId::kBool:
        same = u8_.get()[i] == other.u8_.get()[i];
        break;
      case TypeId::kInt32:
        same = i32_.get()[i] == other.i32_.get()[i];
        break;
      case TypeId::kInt64:
      case TypeId::kTimestamp:
        same = i64_.get()[i] == other.i64_.get()[i];
        break;
      case TypeId::kDouble:
        same = std::memcmp(&f64_.get()[i], &other.f64_.get()[i], sizeof(double)) == 0;
        break;
      case TypeId::kString:
        same = GetString(i) == other.GetString(i);
        break;
    }
    if (!same) return false;
  }
  return true;
}

}  // namespace stedi
