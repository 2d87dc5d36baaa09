#include "ingest/table_assembly.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace stedi {
namespace {

Schema TestSchema() {
  return Schema({Field{"i", TypeId::kInt64}, Field{"s", TypeId::kString}, Field{"b", TypeId::kBool},
                 Field{"d", TypeId::kDouble}, Field{"n", TypeId::kInt32}});
}

// Row k of the test data: nulls in a pattern that crosses validity words,
// strings that repeat within and across tasks.
bool IsNullAt(uint64_t k, size_t field) { return (k * 7 + field) % 5 == 0 || k % 64 == 63; }

void AppendRow(uint64_t k, std::vector<ColumnBuilder>& b) {
  if (IsNullAt(k, 0))
    b[0].AppendNull();
  else
    b[0].AppendInt64(static_cast<int64_t>(k) * 3 - 100);
  if (IsNullAt(k, 1))
    b[1].AppendNull();
  else
    b[1].AppendString("v" + std::to_string(k % 11));
  if (IsNullAt(k, 2))
    b[2].AppendNull();
  else
    b[2].AppendBool(k % 3 == 0);
  if (IsNullAt(k, 3))
    b[3].AppendNull();
  else
    b[3].AppendDouble(static_cast<double>(k) / 4);
  if (IsNullAt(k, 4))
    b[4].AppendNull();
  else
    b[4].AppendInt32(static_cast<int32_t>(k % 1000));
}

// The same rows appended one by one to plain columns.
Table Expected(uint64_t rows) {
  const Schema schema = TestSchema();
  std::vector<ColumnBuilder> b;
  for (const Field& f : schema.fields()) b.emplace_back(f.type);
  for (uint64_t k = 0; k < rows; ++k) AppendRow(k, b);
  std::vector<Column> columns;
  for (ColumnBuilder& c : b) columns.push_back(c.Finish());
  return *Table::Make(TestSchema(), std::move(columns));
}

// Equal as tables, and string codes and dictionaries identical too (codes in
// first-seen order, null slots holding 0).
void ExpectSameTable(const Table& got, const Table& want) {
  ASSERT_TRUE(got.Equals(want));
  for (size_t c = 0; c < want.num_columns(); ++c) {
    const Column& g = got.column(c);
    const Column& w = want.column(c);
    EXPECT_EQ(g.validity().words(), w.validity().words()) << c;
    if (w.type() != TypeId::kString) continue;
    EXPECT_EQ(g.codes(), w.codes());
    EXPECT_EQ(g.dictionary().bytes(), w.dictionary().bytes());
    EXPECT_EQ(g.dictionary().offsets(), w.dictionary().offsets());
  }
}

// Task t claims claimed[t] rows and writes loaded[t] of them (fewer: blank
// or rejected lines); rows are numbered on across tasks.
struct Plan {
  std::vector<uint64_t> claimed;
  std::vector<uint64_t> loaded;
};

Table Assemble(const Plan& plan, uint64_t room, int threads) {
  const size_t tasks = plan.claimed.size();
  TableAssembly assembly(TestSchema(), tasks, room);
  std::vector<ChunkOutput> outputs(tasks);
  std::vector<uint64_t> first(tasks, 0);
  for (size_t t = 1; t < tasks; ++t) first[t] = first[t - 1] + plan.loaded[t - 1];
  // Each thread takes every threads-th task, in increasing order.
  std::vector<std::thread> pool;
  for (int w = 0; w < threads; ++w) {
    pool.emplace_back([&, w] {
      for (size_t t = static_cast<size_t>(w); t < tasks; t += static_cast<size_t>(threads)) {
        std::vector<ColumnBuilder> b = assembly.Claim(t, plan.claimed[t]);
        for (uint64_t k = 0; k < plan.loaded[t]; ++k) AppendRow(first[t] + k, b);
        for (ColumnBuilder& c : b) {
          if (c.shared()) {
            outputs[t].parts.push_back(c.FinishPart());
          } else {
            outputs[t].columns.push_back(c.Finish());
          }
        }
      }
    });
  }
  for (std::thread& th : pool) th.join();
  auto table = assembly.Finish(outputs, threads);
  EXPECT_TRUE(table.ok());
  return std::move(*table);
}

uint64_t Sum(const std::vector<uint64_t>& v) {
  uint64_t s = 0;
  for (uint64_t x : v) s += x;
  return s;
}

TEST(TableAssemblyTest, TasksWithoutGapsNeedNoMoves) {
  const Plan plan{{70, 64, 1, 200}, {70, 64, 1, 200}};
  for (int threads : {1, 2, 3}) {
    ExpectSameTable(Assemble(plan, Sum(plan.claimed), threads), Expected(335));
  }
}

TEST(TableAssemblyTest, GapsAndEmptyTasksAreClosed) {
  // Gaps at task ends, a task that loads nothing, one that claims nothing,
  // and offsets that cross validity words at odd bit positions.
  const Plan plan{{70, 65, 9, 0, 130, 5, 1}, {61, 65, 0, 0, 127, 1, 1}};
  for (int threads : {1, 2, 4}) {
    ExpectSameTable(Assemble(plan, Sum(plan.claimed), threads), Expected(Sum(plan.loaded)));
  }
}

TEST(TableAssemblyTest, TasksPastTheRoomBuildTheirOwnColumns) {
  const Plan plan{{40, 50, 60, 70}, {35, 50, 58, 70}};
  for (uint64_t room : {uint64_t{0}, uint64_t{39}, uint64_t{40}, uint64_t{100}, uint64_t{149}}) {
    for (int threads : {1, 2}) {
      ExpectSameTable(Assemble(plan, room, threads), Expected(Sum(plan.loaded)));
    }
  }
}

TEST(TableAssemblyTest, AllNullStringTaskAfterOthers) {
  TableAssembly assembly(Schema({Field{"s", TypeId::kString}}), 3, 10);
  std::vector<ChunkOutput> outputs(3);
  for (size_t t = 0; t < 3; ++t) {
    std::vector<ColumnBuilder> b = assembly.Claim(t, 3);
    for (int k = 0; k < 3; ++k) {
      if (t == 1) {
        b[0].AppendNull();
      } else {
        b[0].AppendString(t == 0 ? "a" : (k == 0 ? "b" : "a"));
      }
    }
    outputs[t].parts.push_back(b[0].FinishPart());
  }
  auto table = assembly.Finish(outputs, 1);
  ASSERT_TRUE(table.ok());
  const Column& s = table->column(0);
  EXPECT_EQ(s.codes(), (std::vector<int32_t>{0, 0, 0, 0, 0, 0, 1, 0, 0}));
  EXPECT_EQ(s.null_count(), 3u);
  EXPECT_EQ(s.GetString(6), "b");
}

TEST(TableAssemblyTest, SkippedTasksAddNoRows) {
  TableAssembly assembly(Schema({Field{"i", TypeId::kInt64}}), 3, 10);
  std::vector<ChunkOutput> outputs(3);
  assembly.Skip(0);
  std::vector<ColumnBuilder> b = assembly.Claim(1, 2);
  b[0].AppendInt64(7);
  b[0].AppendNull();
  outputs[1].parts.push_back(b[0].FinishPart());
  assembly.Skip(2);
  auto table = assembly.Finish(outputs, 2);
  ASSERT_TRUE(table.ok());
  ASSERT_EQ(table->num_rows(), 2u);
  EXPECT_EQ(table->RowToString(0), "7");
  EXPECT_EQ(table->RowToString(1), "NULL");
}

}  // namespace
}  // namespace stedi
