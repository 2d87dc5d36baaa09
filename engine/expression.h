// Expressions over a table's columns: an immutable tree of column
// references, literals, comparisons and boolean connectives.
//
// Semantics are SQL's three-valued logic: a comparison with a NULL operand is
// unknown, AND/OR/NOT follow Kleene logic, and a filter keeps the rows where
// the predicate is TRUE. Integer, timestamp and double operands compare
// numerically (promotion), strings compare byte-wise, bools as false < true.
// Type checking happens when an expression is bound to a schema
// (expr_eval.h), so building a tree never fails.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/scan_predicate.h"
#include "core/value.h"

namespace stedi {

class Expr;
using ExprPtr = std::shared_ptr<const Expr>;

class Expr {
 public:
  enum class Kind {
    kColumn,
    kLiteral,
    kCompare,
    kBetween,
    kIsNull,
    kIsNotNull,
    kIn,
    kAnd,
    kOr,
    kNot
  };

  Expr(Kind kind, std::vector<ExprPtr> children) : kind_(kind), children_(std::move(children)) {}

  Kind kind() const { return kind_; }
  // kColumn: the column name.
  const std::string& column() const { return column_; }
  // kLiteral: the value.
  const Value& literal() const { return literal_; }
  // kCompare: the operator.
  CompareOp op() const { return op_; }
  // kCompare: {a, b}; kBetween: {e, lo, hi}; kIsNull, kIsNotNull, kNot, kIn: {e}; kAnd, kOr: {a,
  // b}.
  const std::vector<ExprPtr>& children() const { return children_; }
  // kIn: the list (may contain NULLs).
  const std::vector<Value>& list() const { return list_; }

 private:
  friend ExprPtr Col(std::string name);
  friend ExprPtr Lit(Value v);
  friend ExprPtr MakeCompare(CompareOp op, ExprPtr a, ExprPtr b);
  friend ExprPtr In(ExprPtr e, std::vector<Value> list);

  Kind kind_;
  std::vector<ExprPtr> children_;
  std::string column_;
  Value literal_;
  CompareOp op_ = CompareOp::kEq;
  std::vector<Value> list_;
};

ExprPtr Col(std::string name);
ExprPtr Lit(Value v);
ExprPtr LitInt(int64_t v);
ExprPtr LitDouble(double v);
ExprPtr LitString(std::string v);
ExprPtr LitTimestamp(int64_t epoch_ms);
ExprPtr LitBool(bool v);

ExprPtr MakeCompare(CompareOp op, ExprPtr a, ExprPtr b);
ExprPtr Eq(ExprPtr a, ExprPtr b);
ExprPtr Ne(ExprPtr a, ExprPtr b);
ExprPtr Lt(ExprPtr a, ExprPtr b);
ExprPtr Le(ExprPtr a, ExprPtr b);
ExprPtr Gt(ExprPtr a, ExprPtr b);
ExprPtr Ge(ExprPtr a, ExprPtr b);
// lo <= e AND e <= hi.
ExprPtr Between(ExprPtr e, ExprPtr lo, ExprPtr hi);
ExprPtr IsNull(ExprPtr e);
ExprPtr IsNotNull(ExprPtr e);
// e = v1 OR e = v2 ...; unknown (not false) when nothing matches and the list holds a NULL.
ExprPtr In(ExprPtr e, std::vector<Value> list);
ExprPtr And(ExprPtr a, ExprPtr b);
ExprPtr Or(ExprPtr a, ExprPtr b);
ExprPtr Not(ExprPtr a);

// Fully parenthesised text: "(timestamp >= shareWithResearchAsOfDate)".
// String literals are single-quoted.
std::string ToString(const ExprPtr& e);

// The conjuncts of `e` (splits nested ANDs): "a AND (b AND c)" -> {a, b, c}.
std::vector<ExprPtr> SplitConjuncts(const ExprPtr& e);

}  // namespace stedi
