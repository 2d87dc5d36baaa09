#include "ingest/table_assembly.h"

#include <cassert>
#include <cstring>

#include "core/parallel_for.h"
#include "ingest/huge_pages.h"

namespace stedi {

namespace {

// Moves `rows` values of a task from row `from` down to row `to` (<= from),
// recoding strings through `remap` when given (remap[task code] = code).
template <typename T>
void MoveRows(std::vector<T>& values, size_t from, size_t to, size_t rows,
              const std::vector<int32_t>* remap) {
  assert(to <= from);
  T* const data = values.data();
  if constexpr (std::is_same_v<T, int32_t>) {
    if (remap != nullptr) {
      // Forward order is safe for an overlapping move down.
      for (size_t i = 0; i < rows; ++i) data[to + i] = (*remap)[data[from + i]];
      return;
    }
  }
  if (to != from && rows > 0) std::memmove(data + to, data + from, rows * sizeof(T));
}

}  // namespace

TableAssembly::TableAssembly(const Schema& schema, size_t tasks, uint64_t expected_rows)
    : schema_(schema), room_(expected_rows), first_row_(tasks, 0) {
  for (const Field& f : schema.fields()) {
    columns_.emplace_back(f.type);
    VisitPhysical(f.type, [&](auto t) {
      auto& values = columns_.back().data<decltype(t)>();
      values.reserve(room_);
      AdviseHugePages(values);  // before the first touch, for whole 2 MiB pages
      // Fixed from here on: the values never outgrow the room reserved.
      room_at_.push_back({reinterpret_cast<char*>(values.data()), sizeof(values[0])});
    });
  }
}

std::vector<ColumnBuilder> TableAssembly::Claim(size_t t, uint64_t rows) {
  std::unique_lock<std::mutex> lock(mu_);
  claimed_.wait(lock, [&] { return next_task_ == t; });
  outgrown_ = outgrown_ || next_row_ + rows > room_;
  std::vector<ColumnBuilder> builders;
  if (!outgrown_) {
    first_row_[t] = next_row_;
    next_row_ += rows;
    builders.reserve(columns_.size());
    // Within the reserved room resize() never moves the values, so builders
    // of earlier tasks keep writing while it zeroes the new rows (which
    // AppendNull relies on).
    for (Column& column : columns_) {
      VisitPhysical(column.type(), [&](auto v) { column.data<decltype(v)>().resize(next_row_); });
      builders.emplace_back(&column, first_row_[t], rows);
    }
  }
  ++next_task_;
  const bool own = outgrown_;
  const uint64_t ahead_from = next_row_;
  lock.unlock();
  claimed_.notify_all();
  if (!own) PopulateAhead(ahead_from, rows);
  return own ? MakeBuilders(schema_, rows) : builders;
}

void TableAssembly::PopulateAhead(uint64_t from, uint64_t rows) {
  // The next claim's resize() zeroes its rows under the lock; pages it first
  // touches there cost far more than the zeroing (a fault and a page clear
  // each, slow on VMs), and every other task waits for them. So fault in
  // about one task's rows beyond the claimed ones here, in parallel with the
  // other tasks. Only reserved room is touched, so an overestimate of the
  // rows costs at most one task's rows of memory.
  const uint64_t to = std::min(room_, from + rows);
  if (to <= from) return;
  for (const Room& r : room_at_) PopulatePages(r.base + from * r.width, (to - from) * r.width);
}

void TableAssembly::Assemble(size_t c, std::vector<ChunkOutput>& outputs) {
  Column& column = columns_[c];
  const bool is_string = column.type() == TypeId::kString;
  std::shared_ptr<StringDictionary> dict;  // the merged one, once a task has been seen
  std::vector<size_t> nulls;               // final rows
  size_t row = 0;
  for (size_t t = 0; t < outputs.size(); ++t) {
    if (outputs[t].parts.empty()) continue;
    ColumnPart& part = outputs[t].parts[c];
    std::vector<int32_t> remap;
    if (is_string && dict == nullptr) {
      dict = std::move(part.dictionary);  // codes already right
    } else if (is_string) {
      remap = dict->Merge(*part.dictionary);
      if (remap.empty()) remap.push_back(0);  // all null: every code is 0
    }
    VisitPhysical(column.type(), [&](auto v) {
      MoveRows(column.data<decltype(v)>(), first_row_[t], row, part.rows,
               remap.empty() ? nullptr : &remap);
    });
    for (uint32_t r : part.nulls) {
      nulls.push_back(row + r);
      if (is_string) column.data<int32_t>()[row + r] = 0;  // a null slot holds 0
    }
    row += part.rows;
    part = ColumnPart();
  }
  VisitPhysical(column.type(), [&](auto v) { column.data<decltype(v)>().resize(row); });
  if (dict != nullptr) column.set_dictionary(std::move(dict));
  Validity& validity = column.mutable_validity();
  validity.AppendValid(row);
  for (size_t r : nulls) validity.SetNull(r);
  // Tasks past the room, all after the ones above.
  for (ChunkOutput& out : outputs) {
    if (out.columns.empty()) continue;
    column.AppendColumn(out.columns[c]);
    out.columns[c] = Column(column.type());  // free as we go
  }
}

Result<Table> TableAssembly::Finish(std::vector<ChunkOutput>& outputs, int threads) {
  assert(outputs.size() == first_row_.size() && next_task_ == first_row_.size());
  ParallelFor(columns_.size(), threads, [&](size_t c, int) { Assemble(c, outputs); });
  return Table::Make(schema_, std::move(columns_));
}

}  // namespace stedi
