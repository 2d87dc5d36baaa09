#include "storage/column_stats.h"

#include <cassert>
#include <cmath>
#include <string_view>
#include <type_traits>

namespace stedi {
namespace {

// MinMax of integers without nulls: a branch-free pass the compiler
// vectorises (the general loop below tests validity per value; for doubles
// it stays, as GCC does not vectorise their NaN-aware min and max).
template <typename T>
bool DenseMinMax(const T* v, size_t n, T* lo, T* hi) {
  if (n == 0) return false;
  T a = v[0], b = v[0];
  for (size_t i = 1; i < n; ++i) {
    a = v[i] < a ? v[i] : a;
    b = v[i] > b ? v[i] : b;
  }
  *lo = a;
  *hi = b;
  return true;
}

template <typename T>
bool MinMax(const Column& column, size_t begin, size_t end, T* lo, T* hi) {
  const std::vector<T>& v = column.data<T>();
  if constexpr (std::is_integral_v<T>) {
    if (column.validity().all_valid()) return DenseMinMax(v.data() + begin, end - begin, lo, hi);
  }
  bool any = false;
  for (size_t i = begin; i < end; ++i) {
    if (column.IsNull(i)) continue;
    if constexpr (std::is_floating_point_v<T>) {
      if (std::isnan(v[i])) return false;  // NaN has no place in an order
    }
    if (!any || v[i] < *lo) *lo = v[i];
    if (!any || v[i] > *hi) *hi = v[i];
    any = true;
  }
  return any;
}

bool StringMinMax(const Column& column, size_t begin, size_t end, Value* lo, Value* hi) {
  std::string_view min, max;
  bool any = false;
  const std::vector<int32_t>& codes = column.data<int32_t>();
  int32_t last_code = -1;
  for (size_t i = begin; i < end; ++i) {
    if (column.IsNull(i)) continue;
    // Runs of one string (rows of one user) need one comparison.
    if (codes[i] == last_code) continue;
    last_code = codes[i];
    std::string_view s = column.GetString(i);
    if (!any || s < min) min = s;
    if (!any || s > max) max = s;
    any = true;
  }
  if (!any || min.size() > kMaxStatStringBytes || max.size() > kMaxStatStringBytes) return false;
  *lo = Value::String(std::string(min));
  *hi = Value::String(std::string(max));
  return true;
}

}  // namespace

ChunkStats ComputeChunkStats(const Column& column, size_t begin, size_t end) {
  assert(begin <= end && end <= column.size());
  ChunkStats s;
  if (!column.validity().all_valid()) {
    for (size_t i = begin; i < end; ++i) s.null_count += column.IsNull(i);
  }
  const TypeId type = column.type();
  s.min = Value::Null(type);
  s.max = Value::Null(type);
  if (type == TypeId::kString) {
    s.has_min_max = StringMinMax(column, begin, end, &s.min, &s.max);
    return s;
  }
  VisitPhysical(type, [&](auto t) {
    using T = decltype(t);
    T lo{}, hi{};
    s.has_min_max = MinMax<T>(column, begin, end, &lo, &hi);
    if (!s.has_min_max) return;
    for (Value* v : {&s.min, &s.max}) {
      const T x = v == &s.min ? lo : hi;
      v->is_null = false;
      if constexpr (std::is_floating_point_v<T>) {
        v->d = x;
      } else {
        v->i = static_cast<int64_t>(x);
      }
    }
  });
  return s;
}

}  // namespace stedi
