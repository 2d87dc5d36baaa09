#include "engine/expression.h"

#include <utility>

namespace stedi {

ExprPtr Col(std::string name) {
  auto e = std::make_shared<Expr>(Expr::Kind::kColumn, std::vector<ExprPtr>{});
  e->column_ = std::move(name);
  return e;
}

ExprPtr Lit(Value v) {
  auto e = std::make_shared<Expr>(Expr::Kind::kLiteral, std::vector<ExprPtr>{});
  e->literal_ = std::move(v);
  return e;
}

ExprPtr LitInt(int64_t v) { return Lit(Value::Int64(v)); }
ExprPtr LitDouble(double v) { return Lit(Value::Double(v)); }
ExprPtr LitString(std::string v) { return Lit(Value::String(std::move(v))); }
ExprPtr LitTimestamp(int64_t epoch_ms) { return Lit(Value::Timestamp(epoch_ms)); }
ExprPtr LitBool(bool v) { return Lit(Value::Bool(v)); }

ExprPtr MakeCompare(CompareOp op, ExprPtr a, ExprPtr b) {
  auto e = std::make_shared<Expr>(Expr::Kind::kCompare, std::vector<ExprPtr>{a, b});
  e->op_ = op;
  return e;
}

ExprPtr Eq(ExprPtr a, ExprPtr b) { return MakeCompare(CompareOp::kEq, a, b); }
ExprPtr Ne(ExprPtr a, ExprPtr b) { return MakeCompare(CompareOp::kNe, a, b); }
ExprPtr Lt(ExprPtr a, ExprPtr b) { return MakeCompare(CompareOp::kLt, a, b); }
ExprPtr Le(ExprPtr a, ExprPtr b) { return MakeCompare(CompareOp::kLe, a, b); }
ExprPtr Gt(ExprPtr a, ExprPtr b) { return MakeCompare(CompareOp::kGt, a, b); }
ExprPtr Ge(ExprPtr a, ExprPtr b) { return MakeCompare(CompareOp::kGe, a, b); }

ExprPtr Between(ExprPtr e, ExprPtr lo, ExprPtr hi) {
  return std::make_shared<Expr>(Expr::Kind::kBetween, std::vector<ExprPtr>{e, lo, hi});
}
ExprPtr IsNull(ExprPtr e) {
  return std::make_shared<Expr>(Expr::Kind::kIsNull, std::vector<ExprPtr>{e});
}
ExprPtr IsNotNull(ExprPtr e) {
  return std::make_shared<Expr>(Expr::Kind::kIsNotNull, std::vector<ExprPtr>{e});
}
ExprPtr In(ExprPtr e, std::vector<Value> list) {
  auto n = std::make_shared<Expr>(Expr::Kind::kIn, std::vector<ExprPtr>{e});
  n->list_ = std::move(list);
  return n;
}
ExprPtr And(ExprPtr a, ExprPtr b) {
  return std::make_shared<Expr>(Expr::Kind::kAnd, std::vector<ExprPtr>{a, b});
}
ExprPtr Or(ExprPtr a, ExprPtr b) {
  return std::make_shared<Expr>(Expr::Kind::kOr, std::vector<ExprPtr>{a, b});
}
ExprPtr Not(ExprPtr a) { return std::make_shared<Expr>(Expr::Kind::kNot, std::vector<ExprPtr>{a}); }

namespace {

std::string LiteralText(const Value& v) {
  if (!v.is_null && v.type == TypeId::kString) return "'" + v.s + "'";
  return v.ToString();
}

}  // namespace

std::string ToString(const ExprPtr& e) {
  if (!e) return "<null>";
  const auto& c = e->children();
  switch (e->kind()) {
    case Expr::Kind::kColumn:
      return e->column();
    case Expr::Kind::kLiteral:
      return LiteralText(e->literal());
    case Expr::Kind::kCompare:
      return "(" + ToString(c[0]) + " " + CompareOpSymbol(e->op()) + " " + ToString(c[1]) + ")";
    case Expr::Kind::kBetween:
      return "(" + ToString(c[0]) + " BETWEEN " + ToString(c[1]) + " AND " + ToString(c[2]) + ")";
    case Expr::Kind::kIsNull:
      return "(" + ToString(c[0]) + " IS NULL)";
    case Expr::Kind::kIsNotNull:
      return "(" + ToString(c[0]) + " IS NOT NULL)";
    case Expr::Kind::kIn: {
      std::string s = "(" + ToString(c[0]) + " IN (";
      for (size_t i = 0; i < e->list().size(); ++i) {
        if (i) s += ", ";
        s += LiteralText(e->list()[i]);
      }
      return s + "))";
    }
    case Expr::Kind::kAnd:
      return "(" + ToString(c[0]) + " AND " + ToString(c[1]) + ")";
    case Expr::Kind::kOr:
      return "(" + ToString(c[0]) + " OR " + ToString(c[1]) + ")";
    case Expr::Kind::kNot:
      return "(NOT " + ToString(c[0]) + ")";
  }
  return "?";
}

std::vector<ExprPtr> SplitConjuncts(const ExprPtr& e) {
  if (!e || e->kind() != Expr::Kind::kAnd) return {e};
  std::vector<ExprPtr> out = SplitConjuncts(e->children()[0]);
  for (ExprPtr& x : SplitConjuncts(e->children()[1])) out.push_back(std::move(x));
  return out;
}

}  // namespace stedi
