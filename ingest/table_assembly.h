// TableAssembly: the final columns of an ingest, written in place by its tasks.
//
// Tasks claim their rows in task order, each as many as it has lines (or
// array elements), and write their values straight into the final columns,
// so every value is written once. Room for the expected rows is reserved up
// front (address space only: pages are touched as rows are claimed, and about
// one task's rows ahead of the last claim); tasks
// that no longer fit (more rows than expected) build columns of their own,
// appended at the end. Finish() closes the gaps left by blank and rejected
// lines by moving later rows down, recodes each task's strings into one
// dictionary (merged in task order, so codes come in first-seen order as
// for one task) and applies the nulls.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <vector>

#include "core/column.h"
#include "core/status.h"
#include "core/table.h"
#include "core/types.h"
#include "ingest/chunk_parser.h"
#include "ingest/column_builder.h"

namespace stedi {

class TableAssembly {
 public:
  // Empty columns of `schema` with room reserved for `expected_rows`.
  TableAssembly(const Schema& schema, size_t tasks, uint64_t expected_rows);

  TableAssembly(const TableAssembly&) = delete;
  TableAssembly& operator=(const TableAssembly&) = delete;

  // Claims `rows` rows for task t, after waiting for task t - 1 to claim, and
  // returns one builder per field for them: writing the final columns, or,
  // once the rows claimed outgrow the room, columns of the task's own.
  // REQUIRES: each task in [0, tasks) claims once (Skip counts), from any
  // thread; a thread claims tasks in increasing order and never waits for a
  // task after the one it claims (so claims cannot deadlock).
  std::vector<ColumnBuilder> Claim(size_t t, uint64_t rows);
  // Claims no rows for task t: it does not run.
  void Skip(size_t t) { Claim(t, 0); }

  // The table of every task's rows in task order: outputs[t] holds the parts
  // or columns task t's builders left, or neither when it loaded no rows.
  // REQUIRES: every task has claimed; outputs.size() == tasks; called once.
  Result<Table> Finish(std::vector<ChunkOutput>& outputs, int threads);

 private:
  void Assemble(size_t c, std::vector<ChunkOutput>& outputs);
  // Faults in the room for rows [from, from + rows), outside the lock.
  void PopulateAhead(uint64_t from, uint64_t rows);

  Schema schema_;
  std::vector<Column> columns_;
  uint64_t room_;  // rows reserved
  struct Room {
    char* base;    // the reserved values of a column
    size_t width;  // bytes per value
  };
  std::vector<Room> room_at_;        // per column
  std::vector<uint64_t> first_row_;  // per task that writes in place, where its rows start
  std::mutex mu_;
  std::condition_variable claimed_;
  size_t next_task_ = 0;   // the task whose claim is due
  uint64_t next_row_ = 0;  // where its rows start
  bool outgrown_ = false;  // tasks from here on build their own columns
};

}  // namespace stedi
