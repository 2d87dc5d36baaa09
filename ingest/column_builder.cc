#include "ingest/column_builder.h"

#include "ingest/huge_pages.h"

namespace stedi {

ColumnBuilder::ColumnBuilder(TypeId type) : type_(type) {
  if (type_ == TypeId::kString) dict_ = std::make_shared<StringDictionary>();
}

void ColumnBuilder::Reserve(size_t rows) {
  VisitPhysical(type_, [&](auto t) {
    using T = decltype(t);
    if constexpr (std::is_same_v<T, uint8_t>) u8_.reserve(rows), AdviseHugePages(u8_);
    if constexpr (std::is_same_v<T, int32_t>) i32_.reserve(rows), AdviseHugePages(i32_);
    if constexpr (std::is_same_v<T, int64_t>) i64_.reserve(rows), AdviseHugePages(i64_);
    if constexpr (std::is_same_v<T, double>) f64_.reserve(rows), AdviseHugePages(f64_);
  });
}

Column ColumnBuilder::Finish() {
  Column column(type_);
  switch (type_) {
    case TypeId::kBool:
      column.data<uint8_t>() = std::move(u8_);
      break;
    case TypeId::kInt32:
      column.data<int32_t>() = std::move(i32_);
      break;
    case TypeId::kString:
      column.data<int32_t>() = std::move(i32_);
      column.set_dictionary(std::move(dict_));
      dict_ = std::make_shared<StringDictionary>();
      break;
    case TypeId::kInt64:
    case TypeId::kTimestamp:
      column.data<int64_t>() = std::move(i64_);
      break;
    case TypeId::kDouble:
      column.data<double>() = std::move(f64_);
      break;
  }
  Validity& validity = column.mutable_validity();
  validity.AppendValid(size_);
  for (uint32_t row : nulls_) validity.SetNull(row);
  *this = ColumnBuilder(type_);
  return column;
}

}  // namespace stedi
