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
    size_t slot = 0;
    if (profile_) {
      slot = profile_->operators.size();
      profile_->operators.push_back({NodeLabel(node), 0, 0.0, depth});
    }
    std::vector<Table> inputs;
    for (const PlanNodePtr& in : node.inputs) {
      STEDI_ASSIGN_OR_RETURN(Table t, Run(*in, depth + 1));
      inputs.push_back(std::move(t));
    }
    const auto start = Clock::now();
    Result<Table> out = RunOne(node, inputs);
    if (!out.ok()) return out.status().WithContext(NodeLabel(node));
    if (profile_) {
      OperatorProfile& p = profile_->operators[slot];
      p.rows_out = out->num_rows();
      p.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    }
    return out;
  }

 private:
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
        return JoinTables(in[0], in[1], node.left_keys, node.right_keys, JoinType::kInner, threads);
      case PlanNode::Kind::kSemiJoin:
        return JoinTables(in[0], in[1], node.left_keys, node.right_keys, JoinType::kSemi, threads);
      case PlanNode::Kind::kAntiJoin:
        return JoinTables(in[0], in[1], node.left_keys, node.right_keys, JoinType::kAnti, threads);
      case PlanNode::Kind::kDistinct:
        return DistinctTable(in[0], node.columns);
      case PlanNode::Kind::kAggregate:
        return AggregateTable(in[0], node.columns, node.aggs);
      case PlanNode::Kind::kSort:
        return SortTable(in[0], node.sort_keys);
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
