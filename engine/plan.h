// The query-plan API: build an operator tree with PlanBuilder, run it with
// Execute against the tables registered in an ExecContext.
//
//   auto plan = PlanBuilder::Scan("readings")
//                   .Filter(Ge(Col("ts"), LitTimestamp(1700000000000)))
//                   .Join(PlanBuilder::Scan("people", {"email", "since"}), {"user"}, {"email"})
//                   .Build();
//   ExecContext ctx;
//   ctx.Register("readings", source);
//   STEDI_ASSIGN_OR_RETURN(Table t, Execute(plan, ctx));
//
// Building never fails; names and types are checked when the plan executes,
// and every problem (unknown table or column, type mismatch, name clash) is a
// returned Status. Operators run one at a time over whole column vectors
// (see docs/ENGINE.md).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/scan_predicate.h"
#include "core/table.h"
#include "engine/expression.h"

namespace stedi {

struct PlanNode;
using PlanNodePtr = std::shared_ptr<const PlanNode>;

enum class AggKind {
  kCount,
  kCountDistinct,
  kMin,
  kMax,
  kSum
};  // kCount with empty column = COUNT(*)
struct AggSpec {
  AggKind kind;
  std::string column;
  std::string output_name;
};
struct SortKey {
  std::string column;
  bool ascending = true;
};
// The row order of an inner join's output. kKeys: the merge's, ascending join
// key (cheapest). kLeft: left row order, each left row's matches in right row
// order (a nested loop's), for a left input whose order matters downstream;
// costs a counting sort of the output's row pairs, skipped when the left
// input is in key order.
enum class JoinOrder { kKeys, kLeft };

class PlanBuilder {
 public:
  // Reads the named table from the ExecContext's sources; `columns` empty = all.
  static PlanBuilder Scan(std::string table, std::vector<std::string> columns = {});
  // An in-memory table, shown as `label` in explain.
  static PlanBuilder Values(std::string label, Table table);

  // Keeps the rows where `predicate` is TRUE. Directly on a Scan, its simple
  // conjuncts (column op literal, IS [NOT] NULL) are also pushed to the source.
  PlanBuilder& Filter(ExprPtr predicate);
  // Keeps and reorders columns.
  PlanBuilder& Project(std::vector<std::string> columns);
  // Renames some columns (from, to); the others keep their names.
  PlanBuilder& Rename(std::vector<std::pair<std::string, std::string>> from_to);
  // Inner equi-join, sort-merge. Output: all left columns then all right
  // columns; a name present on both sides is an error at execution (rename
  // first). Rows come out in `order` (JoinOrder above; docs/ENGINE.md). NULL
  // keys never match.
  PlanBuilder& Join(PlanBuilder right, std::vector<std::string> left_keys,
                    std::vector<std::string> right_keys, JoinOrder order = JoinOrder::kKeys);
  // Left rows with at least one match; left columns only, left order kept.
  PlanBuilder& SemiJoin(PlanBuilder right, std::vector<std::string> left_keys,
                        std::vector<std::string> right_keys);
  // Left rows with no match (a NULL key never matches, so such rows are kept).
  PlanBuilder& AntiJoin(PlanBuilder right, std::vector<std::string> left_keys,
                        std::vector<std::string> right_keys);
  // Distinct rows over `columns` (empty = all), first occurrence order; output = those columns.
  PlanBuilder& Distinct(std::vector<std::string> columns = {});
  // One row per distinct group_by value (NULLs form one group), first
  // occurrence order; output = group_by columns then one column per agg.
  // With no group_by, exactly one row.
  PlanBuilder& Aggregate(std::vector<std::string> group_by, std::vector<AggSpec> aggs);
  // Stable sort; NULLs sort last when ascending, first when descending.
  PlanBuilder& Sort(std::vector<SortKey> keys);
  PlanBuilder& Limit(size_t n);

  PlanNodePtr Build() const;

 private:
  explicit PlanBuilder(PlanNodePtr node) : node_(std::move(node)) {}
  PlanNodePtr node_;
};

// Where Scan finds its tables. An interface so storage-backed tables can push
// predicates down to zone maps.
class TableSource {
 public:
  virtual ~TableSource() = default;
  virtual Result<Schema> GetSchema() const = 0;
  // Returns at least the rows that satisfy all `predicates` (may return more);
  // only `columns` (empty = all), in that order.
  virtual Result<Table> Scan(const std::vector<std::string>& columns,
                             const std::vector<ScanPredicate>& predicates) const = 0;
  virtual std::string Describe() const = 0;  // for explain
};

// A Table held in memory; ignores predicates (the filter above still applies).
// The shared form lets a caller keep using the same rows (e.g. write them on
// another thread) without a copy.
class InMemorySource : public TableSource {
 public:
  explicit InMemorySource(Table t) : table_(std::make_shared<const Table>(std::move(t))) {}
  explicit InMemorySource(std::shared_ptr<const Table> t) : table_(std::move(t)) {}
  Result<Schema> GetSchema() const override { return table_->schema(); }
  Result<Table> Scan(const std::vector<std::string>& columns,
                     const std::vector<ScanPredicate>& predicates) const override;
  std::string Describe() const override;

 private:
  std::shared_ptr<const Table> table_;
};

class ExecContext {
 public:
  explicit ExecContext(int threads = 0);  // 0 = all cores
  // Registers (or replaces) a table name.
  void Register(std::string name, std::shared_ptr<const TableSource> source);
  void RegisterTable(std::string name, Table table);  // wraps InMemorySource
  Result<std::shared_ptr<const TableSource>> Lookup(const std::string& name) const;
  // Forgets a table name (its source is freed once no one else holds it).
  void Unregister(const std::string& name);
  int threads() const { return threads_; }

 private:
  int threads_;
  std::vector<std::pair<std::string, std::shared_ptr<const TableSource>>> sources_;
};

// One operator's run: rows it produced and its own time (children excluded).
struct OperatorProfile {
  std::string label;
  uint64_t rows_out;
  double seconds;
  int depth;
};
struct QueryProfile {
  std::vector<OperatorProfile> operators;  // pre-order
};

Result<Table> Execute(const PlanNodePtr& plan, ExecContext& ctx, QueryProfile* profile = nullptr);
// Indented tree, one operator per line, two spaces per level.
std::string Explain(const PlanNodePtr& plan);
// Runs the plan; each explain line followed by "  [rows=N time=X ms]".
Result<std::string> ExplainAnalyze(const PlanNodePtr& plan, ExecContext& ctx);

}  // namespace stedi
