#include <algorithm>

#include "engine/bound_predicate.h"
#include "engine/operators.h"
#include "engine/parallel.h"

namespace stedi {

namespace {
// Below this many rows a second thread costs more than it saves.
constexpr size_t kRowsPerTask = 64 * 1024;
}  // namespace

Result<Table> FilterTable(const Table& input, const ExprPtr& predicate, int threads) {
  STEDI_ASSIGN_OR_RETURN(BoundPredicate pred, BoundPredicate::Bind(predicate, input));
  const size_t rows = input.num_rows();
  const size_t tasks = std::max<size_t>(1, (rows + kRowsPerTask - 1) / kRowsPerTask);
  std::vector<std::vector<uint32_t>> parts(tasks);
  ParallelFor(threads, tasks, [&](size_t t) {
    parts[t] = pred.Select(t * kRowsPerTask, std::min(rows, (t + 1) * kRowsPerTask));
  });
  std::vector<uint32_t> sel = std::move(parts[0]);
  for (size_t t = 1; t < tasks; ++t) sel.insert(sel.end(), parts[t].begin(), parts[t].end());
  if (sel.size() == rows) return input;

  std::vector<Column> columns(input.num_columns());
  ParallelFor(threads, columns.size(), [&](size_t c) { columns[c] = input.column(c).Gather(sel); });
  return Table::Make(input.schema(), std::move(columns));
}

}  // namespace stedi
