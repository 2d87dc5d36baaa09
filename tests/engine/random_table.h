// Random test tables with nulls and duplicates, and small helpers shared by
// the engine tests.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/table.h"

namespace stedi::testing {

struct RandomColumnSpec {
  std::string name;
  TypeId type = TypeId::kInt64;
  int distinct = 10;         // values drawn from this many distinct ones
  double null_fraction = 0;  // share of NULLs
};

inline Column RandomColumn(const RandomColumnSpec& spec, size_t rows, std::mt19937_64& rng) {
  Column c(spec.type);
  std::uniform_int_distribution<int> pick(0, spec.distinct - 1);
  std::bernoulli_distribution is_null(spec.null_fraction);
  for (size_t i = 0; i < rows; ++i) {
    if (is_null(rng)) {
      c.AppendNull();
      continue;
    }
    const int v = pick(rng) - spec.distinct / 3;  // some negatives
    switch (spec.type) {
      case TypeId::kBool:
        c.AppendBool(v & 1);
        break;
      case TypeId::kInt32:
        c.AppendInt32(v * 7);
        break;
      case TypeId::kInt64:
        c.AppendInt64(int64_t{v} * 1000003);
        break;
      case TypeId::kTimestamp:
        c.AppendInt64(1700000000000 + int64_t{v} * 1000);
        break;
      case TypeId::kDouble:
        c.AppendDouble(v * 0.5);
        break;
      case TypeId::kString:
        c.AppendString("s" + std::to_string(v));
        break;
    }
  }
  return c;
}

inline Table RandomTable(const std::vector<RandomColumnSpec>& specs, size_t rows, uint64_t seed) {
  std::mt19937_64 rng(seed);
  Schema schema;
  std::vector<Column> cols;
  for (const RandomColumnSpec& s : specs) {
    schema.AddField({s.name, s.type, true});
    cols.push_back(RandomColumn(s, rows, rng));
  }
  return std::move(Table::Make(std::move(schema), std::move(cols))).value();
}

// Rows of t as strings, for order-insensitive comparison.
inline std::vector<std::string> SortedRows(const Table& t) {
  std::vector<std::string> rows;
  for (size_t i = 0; i < t.num_rows(); ++i) rows.push_back(t.RowToString(i));
  std::sort(rows.begin(), rows.end());
  return rows;
}

inline std::vector<std::string> Rows(const Table& t) {
  std::vector<std::string> rows;
  for (size_t i = 0; i < t.num_rows(); ++i) rows.push_back(t.RowToString(i));
  return rows;
}

}  // namespace stedi::testing
