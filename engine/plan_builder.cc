#include <algorithm>
#include <utility>

#include "engine/plan.h"
#include "engine/plan_node.h"

namespace stedi {

namespace {

std::shared_ptr<PlanNode> NewNode(PlanNode::Kind kind, std::vector<PlanNodePtr> inputs) {
  auto n = std::make_shared<PlanNode>();
  n->kind = kind;
  n->inputs = std::move(inputs);
  return n;
}

bool IsCol(const ExprPtr& e) { return e->kind() == Expr::Kind::kColumn; }
bool IsLit(const ExprPtr& e) { return e->kind() == Expr::Kind::kLiteral && !e->literal().is_null; }

ScanPredicate Compare(const std::string& col, CompareOp op, const Value& v) {
  ScanPredicate p;
  p.column = col;
  p.kind = ScanPredicate::Kind::kCompare;
  p.op = op;
  p.value = v;
  return p;
}

// Appends the zone-map predicates implied by one conjunct, if it has a simple shape.
void ExtractPushable(const ExprPtr& e, std::vector<ScanPredicate>* out) {
  const auto& c = e->children();
  switch (e->kind()) {
    case Expr::Kind::kCompare:
      if (IsCol(c[0]) && IsLit(c[1]))
        out->push_back(Compare(c[0]->column(), e->op(), c[1]->literal()));
      if (IsLit(c[0]) && IsCol(c[1]))
        out->push_back(Compare(c[1]->column(), FlipCompareOp(e->op()), c[0]->literal()));
      return;
    case Expr::Kind::kBetween:
      if (IsCol(c[0]) && IsLit(c[1]))
        out->push_back(Compare(c[0]->column(), CompareOp::kGe, c[1]->literal()));
      if (IsCol(c[0]) && IsLit(c[2]))
        out->push_back(Compare(c[0]->column(), CompareOp::kLe, c[2]->literal()));
      return;
    case Expr::Kind::kIsNull:
    case Expr::Kind::kIsNotNull:
      if (IsCol(c[0])) {
        ScanPredicate p;
        p.column = c[0]->column();
        p.kind = e->kind() == Expr::Kind::kIsNull ? ScanPredicate::Kind::kIsNull
                                                  : ScanPredicate::Kind::kIsNotNull;
        out->push_back(std::move(p));
      }
      return;
    default:
      return;
  }
}

// A predicate on a column the scan does not read stays in the filter only,
// where it will fail as an unknown column.
bool ScanReads(const PlanNode& scan, const std::string& column) {
  return scan.columns.empty() ||
         std::find(scan.columns.begin(), scan.columns.end(), column) != scan.columns.end();
}

}  // namespace

PlanBuilder PlanBuilder::Scan(std::string table, std::vector<std::string> columns) {
  auto n = NewNode(PlanNode::Kind::kScan, {});
  n->name = std::move(table);
  n->columns = std::move(columns);
  return PlanBuilder(n);
}

PlanBuilder PlanBuilder::Values(std::string label, Table table) {
  auto n = NewNode(PlanNode::Kind::kValues, {});
  n->name = std::move(label);
  n->values = std::make_shared<const Table>(std::move(table));
  return PlanBuilder(n);
}

PlanBuilder& PlanBuilder::Filter(ExprPtr predicate) {
  // Find the Scan under this filter (possibly below earlier filters) and copy
  // it with the extra pushed predicates; the filter chain above is rebuilt.
  std::vector<PlanNodePtr> filters;
  PlanNodePtr cur = node_;
  while (cur->kind == PlanNode::Kind::kFilter) {
    filters.push_back(cur);
    cur = cur->inputs[0];
  }
  PlanNodePtr input = node_;
  if (cur->kind == PlanNode::Kind::kScan) {
    auto scan = std::make_shared<PlanNode>(*cur);
    std::vector<ScanPredicate> extracted;
    for (const ExprPtr& c : SplitConjuncts(predicate)) ExtractPushable(c, &extracted);
    for (ScanPredicate& p : extracted) {
      if (ScanReads(*scan, p.column)) scan->pushed.push_back(std::move(p));
    }
    input = scan;
    for (auto it = filters.rbegin(); it != filters.rend(); ++it) {
      auto f = std::make_shared<PlanNode>(**it);
      f->inputs = {input};
      input = f;
    }
  }
  auto n = NewNode(PlanNode::Kind::kFilter, {input});
  n->predicate = std::move(predicate);
  node_ = n;
  return *this;
}

PlanBuilder& PlanBuilder::Project(std::vector<std::string> columns) {
  auto n = NewNode(PlanNode::Kind::kProject, {node_});
  n->columns = std::move(columns);
  node_ = n;
  return *this;
}

PlanBuilder& PlanBuilder::Rename(std::vector<std::pair<std::string, std::string>> from_to) {
  auto n = NewNode(PlanNode::Kind::kRename, {node_});
  n->renames = std::move(from_to);
  node_ = n;
  return *this;
}

namespace {
std::shared_ptr<PlanNode> JoinNode(PlanNode::Kind kind, PlanNodePtr left, PlanNodePtr right,
                                   std::vector<std::string> lk, std::vector<std::string> rk) {
  auto n = NewNode(kind, {std::move(left), std::move(right)});
  n->left_keys = std::move(lk);
  n->right_keys = std::move(rk);
  return n;
}
}  // namespace

PlanBuilder& PlanBuilder::Join(PlanBuilder right, std::vector<std::string> left_keys,
                               std::vector<std::string> right_keys, JoinOrder order) {
  auto n = JoinNode(PlanNode::Kind::kJoin, node_, right.node_, std::move(left_keys),
                    std::move(right_keys));
  n->join_order = order;
  node_ = std::move(n);
  return *this;
}

PlanBuilder& PlanBuilder::SemiJoin(PlanBuilder right, std::vector<std::string> left_keys,
                                   std::vector<std::string> right_keys) {
  node_ = JoinNode(PlanNode::Kind::kSemiJoin, node_, right.node_, std::move(left_keys),
                   std::move(right_keys));
  return *this;
}

PlanBuilder& PlanBuilder::AntiJoin(PlanBuilder right, std::vector<std::string> left_keys,
                                   std::vector<std::string> right_keys) {
  node_ = JoinNode(PlanNode::Kind::kAntiJoin, node_, right.node_, std::move(left_keys),
                   std::move(right_keys));
  return *this;
}

PlanBuilder& PlanBuilder::Distinct(std::vector<std::string> columns) {
  auto n = NewNode(PlanNode::Kind::kDistinct, {node_});
  n->columns = std::move(columns);
  node_ = n;
  return *this;
}

PlanBuilder& PlanBuilder::Aggregate(std::vector<std::string> group_by, std::vector<AggSpec> aggs) {
  auto n = NewNode(PlanNode::Kind::kAggregate, {node_});
  n->columns = std::move(group_by);
  n->aggs = std::move(aggs);
  node_ = n;
  return *this;
}

PlanBuilder& PlanBuilder::Sort(std::vector<SortKey> keys) {
  auto n = NewNode(PlanNode::Kind::kSort, {node_});
  n->sort_keys = std::move(keys);
  node_ = n;
  return *this;
}

PlanBuilder& PlanBuilder::Limit(size_t limit) {
  auto n = NewNode(PlanNode::Kind::kLimit, {node_});
  n->limit = limit;
  node_ = n;
  return *this;
}

PlanNodePtr PlanBuilder::Build() const { return node_; }

}  // namespace stedi
