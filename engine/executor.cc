#include <chrono>

#include "engine/operators.h"
#include "engine/plan.h"
#include "engine/plan_node.h"

namespace stedi {

namespace {

using Clock = std::chrono::steady_clock;

class Executor {
 public:
  Executor(ExecContext& ctx, QueryProfile* profile) : ctx_(ctx), profile_(profile) {}

  // Runs `node`; records it in pre-order with its own time (inputs excluded).
  Result<Table> Run(const PlanNode& node, int depth) {
    if (IsCountOverJoin(node)) return RunCountOverJoin(node, depth);
    const size_t slot = Begin(node, depth);
    std::vector<Table> inputs;
    for (const PlanNodePtr& in : node.inputs) {
      STEDI_ASSIGN_OR_RETURN(Table t, Run(*in, depth + 1));
      inputs.push_back(std::move(t));
    }
    const auto start = Clock::now();
    Result<Table> out = RunOne(node, inputs);
    if (!out.ok()) return out.status().WithContext(NodeLabel(node));
    End(slot, out->num_rows(), start);
    return out;
  }

 private:
  size_t Begin(const PlanNode& node, int depth) {
    if (!profile_) return 0;
    profile_->operators.push_back({NodeLabel(node), 0, 0.0, depth});
    return profile_->operators.size() - 1;
  }

  void End(size_t slot, uint64_t rows, Clock::time_point start) {
    if (!profile_) return;
    OperatorProfile& p = profile_->operators[slot];
    p.rows_out = rows;
    p.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  }

  // COUNT(*)s without GROUP BY straight over a join need only the number of
  // matches, which the join counts from its keys without building its rows.
  static bool IsCountOverJoin(const PlanNode& node) {
    if (node.kind != PlanNode::Kind::kAggregate || !node.columns.empty() || node.aggs.empty()) {
      return false;
    }
    for (const AggSpec& a : node.aggs) {
      if (a.kind != AggKind::kCount || !a.column.empty()) return false;
    }
    return node.inputs[0]->kind == PlanNode::Kind::kJoin;
  }

  Result<Table> RunCountOverJoin(const PlanNode& node, int depth) {
    const size_t slot = Begin(node, depth);
    const PlanNode& join = *node.inputs[0];
    const size_t join_slot = Begin(join, depth + 1);
    if (profile_) profile_->operators[join_slot].label += " (count only)";
    STEDI_ASSIGN_OR_RETURN(Table left, Run(*join.inputs[0], depth + 2));
    STEDI_ASSIGN_OR_RETURN(Table right, Run(*join.inputs[1], depth + 2));
    auto start = Clock::now();
    Result<uint64_t> matches =
        CountJoinMatches(left, right, join.left_keys, join.right_keys, ctx_.threads());
    if (!matches.ok()) return matches.status().WithContext(NodeLabel(join));
    End(join_slot, *matches, start);
    start = Clock::now();
    Schema schema;
    std::vector<Column> columns;
    for (const AggSpec& a : node.aggs) {  // as AggregateTable names and types them
      schema.AddField({a.output_name.empty() ? "count" : a.output_name, TypeId::kInt64, true});
      columns.emplace_back(TypeId::kInt64);
      columns.back().AppendInt64(static_cast<int64_t>(*matches));
    }
    Result<Table> out = Table::Make(std::move(schema), std::move(columns));
    if (!out.ok()) return out.status().WithContext(NodeLabel(node));
    End(slot, 1, start);
    return out;
  }

  Result<Table> Scan(const PlanNode& node) {
    STEDI_ASSIGN_OR_RETURN(auto source, ctx_.Lookup(node.name));
    return source->Scan(node.columns, node.pushed);
  }

  Result<Table> RunOne(const PlanNode& node, std::vector<Table>& in) {
    const int threads = ctx_.threads();
    switch (node.kind) {
      case PlanNode::Kind::kScan:
        return Scan(node);
      case PlanNode::Kind::kValues:
        return *node.values;
      case PlanNode::Kind::kFilter:
        return FilterTable(in[0], node.predicate, threads);
      case PlanNode::Kind::kProject:
        return ProjectTable(in[0], node.columns);
      case PlanNode::Kind::kRename:
        return RenameTable(in[0], node.renames);
      case PlanNode::Kind::kJoin:
        return JoinTables(in[0], in[1], node.left_keys, node.right_keys, JoinType::kInner, threads,
                          node.join_order);
      case PlanNode::Kind::kSemiJoin:
        return JoinTables(in[0], in[1], node.left_keys, node.right_keys, JoinType::kSemi, threads);
      case PlanNode::Kind::kAntiJoin:
        return JoinTables(in[0], in[1], node.left_keys, node.right_keys, JoinType::kAnti, threads);
      case PlanNode::Kind::kDistinct:
        return DistinctTable(in[0], node.columns);
      case PlanNode::Kind::kAggregate:
        return AggregateTable(in[0], node.columns, node.aggs);
      case PlanNode::Kind::kSort:
        return SortTable(in[0], node.sort_keys, threads);
      case PlanNode::Kind::kLimit:
        return LimitTable(in[0], node.limit);
    }
    return Status::Internal("unknown plan node kind");
  }

  ExecContext& ctx_;
  QueryProfile* profile_;
};

}  // namespace

Result<Table> Execute(const PlanNodePtr& plan, ExecContext& ctx, QueryProfile* profile) {
  if (!plan) return Status::InvalidArgument("empty plan");
  if (profile) profile->operators.clear();
  return Executor(ctx, profile).Run(*plan, 0);
}

}  // namespace stedi
