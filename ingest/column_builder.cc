#include "ingest/column_builder.h"

#include <algorithm>
#include <cstdlib>

#include "ingest/huge_pages.h"

namespace stedi {

ColumnBuilder::ColumnBuilder(TypeId type) : type_(type), own_(type) {
  if (type_ == TypeId::kString) dict_ = std::make_shared<StringDictionary>();
}

ColumnBuilder::ColumnBuilder(Column* target, size_t first_row, size_t capacity)
    : type_(target->type()), shared_(true) {
  if (type_ == TypeId::kString) dict_ = std::make_shared<StringDictionary>();
  PointAt(*target, first_row, capacity);
}

void ColumnBuilder::PointAt(Column& column, size_t first_row, size_t capacity) {
  VisitPhysical(type_, [&](auto t) {
    auto& values = column.data<decltype(t)>();
    assert(first_row + capacity <= values.size());
    values_ = values.data() + first_row;
  });
  capacity_ = capacity;
}

void ColumnBuilder::Reserve(size_t rows) {
  if (shared_ || rows <= capacity_) return;
  // Resizing (not reserving) zeroes the new slots, which AppendNull relies on.
  VisitPhysical(type_, [&](auto t) {
    auto& values = own_.data<decltype(t)>();
    values.reserve(rows);
    AdviseHugePages(values);
    values.resize(rows);
  });
  PointAt(own_, 0, rows);
}

void ColumnBuilder::Grow() {
  // Shared rows were counted in advance; running past them is a caller's bug
  // that would write into another builder's rows.
  assert(!shared_);
  if (shared_) std::abort();
  Reserve(std::max<size_t>(16, capacity_ * 2));
}

Column ColumnBuilder::Finish() {
  assert(!shared_);
  Column column = std::move(own_);
  VisitPhysical(type_, [&](auto t) { column.data<decltype(t)>().resize(size_); });
  if (type_ == TypeId::kString) column.set_dictionary(std::move(dict_));
  Validity& validity = column.mutable_validity();
  validity.AppendValid(size_);
  for (uint32_t row : nulls_) validity.SetNull(row);
  *this = ColumnBuilder(type_);
  return column;
}

ColumnPart ColumnBuilder::FinishPart() {
  assert(shared_);
  ColumnPart part{size_, std::move(nulls_), std::move(dict_)};
  values_ = nullptr;
  size_ = capacity_ = 0;
  return part;
}

}  // namespace stedi
