#include <cstdio>
#include <string>

#include "engine/plan.h"
#include "engine/plan_node.h"

namespace stedi {

namespace {

std::string JoinList(const std::vector<std::string>& items) {
  std::string s = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) s += ", ";
    s += items[i];
  }
  return s + "]";
}

const char* AggName(AggKind k) {
  switch (k) {
    case AggKind::kCount:
      return "count";
    case AggKind::kCountDistinct:
      return "count_distinct";
    case AggKind::kMin:
      return "min";
    case AggKind::kMax:
      return "max";
    case AggKind::kSum:
      return "sum";
  }
  return "?";
}

std::string ScanLabel(const PlanNode& n) {
  std::string s = "Scan " + n.name;
  if (!n.columns.empty()) s += " columns=" + JoinList(n.columns);
  if (!n.pushed.empty()) {
    std::vector<std::string> preds;
    for (const ScanPredicate& p : n.pushed) preds.push_back(p.ToString());
    s += " pushed=" + JoinList(preds);
  }
  return s;
}

std::string JoinLabel(const char* name, const PlanNode& n) {
  return std::string(name) + " left=" + JoinList(n.left_keys) + " right=" + JoinList(n.right_keys);
}

std::string AggregateLabel(const PlanNode& n) {
  std::vector<std::string> aggs;
  for (const AggSpec& a : n.aggs) {
    aggs.push_back(std::string(AggName(a.kind)) + "(" + (a.column.empty() ? "*" : a.column) +
                   ") AS " + a.output_name);
  }
  return "Aggregate group_by=" + JoinList(n.columns) + " aggs=" + JoinList(aggs);
}

void ExplainInto(const PlanNode& n, int depth, std::string* out) {
  out->append(2 * depth, ' ');
  *out += NodeLabel(n);
  *out += '\n';
  for (const PlanNodePtr& in : n.inputs) ExplainInto(*in, depth + 1, out);
}

}  // namespace

std::string NodeLabel(const PlanNode& n) {
  switch (n.kind) {
    case PlanNode::Kind::kScan:
      return ScanLabel(n);
    case PlanNode::Kind::kValues:
      return "Values " + n.name + " rows=" + std::to_string(n.values->num_rows());
    case PlanNode::Kind::kFilter:
      return "Filter " + ToString(n.predicate);
    case PlanNode::Kind::kProject:
      return "Project " + JoinList(n.columns);
    case PlanNode::Kind::kRename: {
      std::vector<std::string> r;
      for (const auto& [from, to] : n.renames) r.push_back(from + "->" + to);
      return "Rename " + JoinList(r);
    }
    case PlanNode::Kind::kJoin:
      return JoinLabel("SortMergeJoin", n) +
             (n.join_order == JoinOrder::kLeft ? " order=left" : "");
    case PlanNode::Kind::kSemiJoin:
      return JoinLabel("SemiJoin", n);
    case PlanNode::Kind::kAntiJoin:
      return JoinLabel("AntiJoin", n);
    case PlanNode::Kind::kDistinct:
      return n.columns.empty() ? "Distinct *" : "Distinct " + JoinList(n.columns);
    case PlanNode::Kind::kAggregate:
      return AggregateLabel(n);
    case PlanNode::Kind::kSort: {
      std::vector<std::string> k;
      for (const SortKey& s : n.sort_keys) k.push_back(s.column + (s.ascending ? " ASC" : " DESC"));
      return "Sort " + JoinList(k);
    }
    case PlanNode::Kind::kLimit:
      return "Limit " + std::to_string(n.limit);
  }
  return "?";
}

std::string Explain(const PlanNodePtr& plan) {
  std::string out;
  if (plan) ExplainInto(*plan, 0, &out);
  return out;
}

Result<std::string> ExplainAnalyze(const PlanNodePtr& plan, ExecContext& ctx) {
  QueryProfile profile;
  STEDI_ASSIGN_OR_RETURN(Table result, Execute(plan, ctx, &profile));
  (void)result;
  std::string out;
  for (const OperatorProfile& op : profile.operators) {
    char stats[96];
    std::snprintf(stats, sizeof stats, "  [rows=%llu time=%.3f ms]",
                  static_cast<unsigned long long>(op.rows_out), op.seconds * 1e3);
    out.append(2 * op.depth, ' ');
    out += op.label;
    out += stats;
    out += '\n';
  }
  return out;
}

}  // namespace stedi
