// Binds an Expr to a table: resolves columns, checks types, and rewrites each
// comparison into the cheapest exact kernel (see BoundPredicate::Node).
#include <algorithm>
#include <climits>
#include <cmath>

#include "engine/bound_predicate.h"
#include "engine/compare_kernels.h"

namespace stedi {

using Node = BoundPredicate::Node;

class PredicateBinder {
 public:
  PredicateBinder(const Table& table, BoundPredicate* out) : table_(table), out_(out) {}

  Result<int> Bind(const ExprPtr& e);

 private:
  int Add(Node n) {
    out_->nodes_.push_back(std::move(n));
    return static_cast<int>(out_->nodes_.size() - 1);
  }
  int Const(bool truth, bool known, const Column* valid_from = nullptr) {
    Node n;
    n.kind = Node::Kind::kConst;
    n.const_truth = truth;
    n.const_known = known;
    n.a = valid_from;
    return Add(std::move(n));
  }
  Result<const Column*> Resolve(const std::string& name) {
    STEDI_ASSIGN_OR_RETURN(size_t i, table_.ColumnIndex(name));
    return &table_.column(i);
  }
  Result<int> BindCompare(const Expr& e);
  Result<int> BindColLit(CompareOp op, const Column* c, const Value& lit, const std::string& text);
  Result<int> BindIntLiteral(CompareOp op, const Column* c, const Value& lit);
  Result<int> BindColCol(CompareOp op, const Column* a, const Column* b, const std::string& text);
  Result<int> BindIn(const Expr& e);
  Result<int> BindNullTest(const Expr& e);
  Result<int> BindPlain(const ExprPtr& e);

  const Table& table_;
  BoundPredicate* out_;
};

namespace {

bool Holds(int cmp, CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return cmp == 0;
    case CompareOp::kNe:
      return cmp != 0;
    case CompareOp::kLt:
      return cmp < 0;
    case CompareOp::kLe:
      return cmp <= 0;
    case CompareOp::kGt:
      return cmp > 0;
    case CompareOp::kGe:
      return cmp >= 0;
  }
  return false;
}

// Strings compare with strings, bools with bools, numbers with numbers.
bool Comparable(TypeId a, TypeId b) {
  if (a == TypeId::kString || b == TypeId::kString) return a == b;
  if (a == TypeId::kBool || b == TypeId::kBool) return a == b;
  return true;
}

Status Mismatch(const std::string& text, TypeId a, TypeId b) {
  return Status::InvalidArgument("type mismatch in " + text + ": cannot compare " +
                                 std::string(TypeName(a)) + " with " + std::string(TypeName(b)));
}

}  // namespace

Result<int> PredicateBinder::Bind(const ExprPtr& e) {
  switch (e->kind()) {
    case Expr::Kind::kCompare:
      return BindCompare(*e);
    case Expr::Kind::kBetween:
      return Bind(
          And(Ge(e->children()[0], e->children()[1]), Le(e->children()[0], e->children()[2])));
    case Expr::Kind::kIn:
      return BindIn(*e);
    case Expr::Kind::kIsNull:
    case Expr::Kind::kIsNotNull:
      return BindNullTest(*e);
    case Expr::Kind::kAnd:
    case Expr::Kind::kOr:
    case Expr::Kind::kNot: {
      Node n;
      n.kind = e->kind() == Expr::Kind::kAnd  ? Node::Kind::kAnd
               : e->kind() == Expr::Kind::kOr ? Node::Kind::kOr
                                              : Node::Kind::kNot;
      STEDI_ASSIGN_OR_RETURN(n.child0, Bind(e->children()[0]));
      if (n.kind != Node::Kind::kNot) {
        STEDI_ASSIGN_OR_RETURN(n.child1, Bind(e->children()[1]));
      }
      return Add(std::move(n));
    }
    case Expr::Kind::kColumn:
    case Expr::Kind::kLiteral:
      return BindPlain(e);
  }
  return Status::Internal("unknown expression kind");
}

// A bare column or literal used as a predicate must be boolean.
Result<int> PredicateBinder::BindPlain(const ExprPtr& e) {
  if (e->kind() == Expr::Kind::kLiteral) {
    const Value& v = e->literal();
    if (v.is_null) return Const(false, false);
    if (v.type != TypeId::kBool) {
      return Status::InvalidArgument("predicate " + ToString(e) + " is not boolean");
    }
    return Const(v.i != 0, true);
  }
  STEDI_ASSIGN_OR_RETURN(const Column* c, Resolve(e->column()));
  if (c->type() != TypeId::kBool) {
    return Status::InvalidArgument("predicate column '" + e->column() + "' is " +
                                   std::string(TypeName(c->type())) + ", not bool");
  }
  Node n;
  n.kind = Node::Kind::kBoolColumn;
  n.a = c;
  return Add(std::move(n));
}

Result<int> PredicateBinder::BindCompare(const Expr& e) {
  const ExprPtr& l = e.children()[0];
  const ExprPtr& r = e.children()[1];
  const std::string text = ToString(MakeCompare(e.op(), l, r));
  auto is_leaf = [](const ExprPtr& x) {
    return x->kind() == Expr::Kind::kColumn || x->kind() == Expr::Kind::kLiteral;
  };
  if (!is_leaf(l) || !is_leaf(r)) {
    return Status::NotSupported("comparison operands must be columns or literals: " + text);
  }
  if (l->kind() == Expr::Kind::kLiteral && r->kind() == Expr::Kind::kLiteral) {
    const Value& a = l->literal();
    const Value& b = r->literal();
    if (a.is_null || b.is_null) return Const(false, false);
    if (!Comparable(a.type, b.type)) return Mismatch(text, a.type, b.type);
    return Const(Holds(a.Compare(b), e.op()), true);
  }
  if (l->kind() == Expr::Kind::kLiteral) {
    STEDI_ASSIGN_OR_RETURN(const Column* c, Resolve(r->column()));
    return BindColLit(FlipCompareOp(e.op()), c, l->literal(), text);
  }
  STEDI_ASSIGN_OR_RETURN(const Column* a, Resolve(l->column()));
  if (r->kind() == Expr::Kind::kLiteral) return BindColLit(e.op(), a, r->literal(), text);
  STEDI_ASSIGN_OR_RETURN(const Column* b, Resolve(r->column()));
  return BindColCol(e.op(), a, b, text);
}

Result<int> PredicateBinder::BindColLit(CompareOp op, const Column* c, const Value& lit,
                                        const std::string& text) {
  if (lit.is_null) return Const(false, false);
  if (!Comparable(c->type(), lit.type)) return Mismatch(text, c->type(), lit.type);
  Node n;
  n.a = c;
  n.op = op;
  if (c->type() == TypeId::kString) {
    const StringDictionary& dict = c->dictionary();
    if (op == CompareOp::kEq || op == CompareOp::kNe) {
      n.kind = Node::Kind::kCmpLiteral;  // one code lookup; -1 (absent) matches no row
      n.phys = TypeId::kInt32;
      n.lit_i = dict.Find(lit.s);
      return Add(std::move(n));
    }
    n.kind = Node::Kind::kCodeTable;  // the outcome per distinct string, then a lookup per row
    n.pass.resize(dict.size());
    for (size_t code = 0; code < dict.size(); ++code) {
      const std::string_view s = dict.Get(static_cast<int32_t>(code));
      n.pass[code] = Holds(s < lit.s ? -1 : (s == lit.s ? 0 : 1), op);
    }
    return Add(std::move(n));
  }
  n.kind = Node::Kind::kCmpLiteral;
  if (c->type() == TypeId::kBool) {
    n.phys = TypeId::kBool;
    n.lit_i = lit.i;
    return Add(std::move(n));
  }
  if (c->type() == TypeId::kDouble) {
    n.phys = TypeId::kDouble;
    n.lit_d = lit.type == TypeId::kDouble ? lit.d : static_cast<double>(lit.i);
    return Add(std::move(n));
  }
  return BindIntLiteral(op, c, lit);
}

// Integer column against any number, exactly: a double literal becomes the
// integer bound with the same outcome (x < 2.5 <=> x < 3), and a literal
// outside the column type's range makes the outcome a constant.
Result<int> PredicateBinder::BindIntLiteral(CompareOp op, const Column* c, const Value& lit) {
  const bool narrow = c->type() == TypeId::kInt32;
  const int64_t lo = narrow ? INT32_MIN : INT64_MIN;
  const int64_t hi = narrow ? INT32_MAX : INT64_MAX;
  int64_t v = lit.i;
  int out_of_range = 0;  // -1 below lo, +1 above hi
  if (lit.type == TypeId::kDouble) {
    double d = lit.d;
    if (std::isnan(d)) return Const(op == CompareOp::kNe, true, c);
    if (d != std::floor(d) && (op == CompareOp::kEq || op == CompareOp::kNe)) {
      return Const(op == CompareOp::kNe, true, c);
    }
    d = (op == CompareOp::kLt || op == CompareOp::kGe) ? std::ceil(d) : std::floor(d);
    if (d >= 9223372036854775808.0) {
      out_of_range = 1;
    } else if (d < -9223372036854775808.0) {
      out_of_range = -1;
    } else {
      v = static_cast<int64_t>(d);
    }
  }
  if (out_of_range == 0 && v > hi) out_of_range = 1;
  if (out_of_range == 0 && v < lo) out_of_range = -1;
  if (out_of_range > 0) {
    return Const(op == CompareOp::kLt || op == CompareOp::kLe || op == CompareOp::kNe, true, c);
  }
  if (out_of_range < 0) {
    return Const(op == CompareOp::kGt || op == CompareOp::kGe || op == CompareOp::kNe, true, c);
  }
  Node n;
  n.kind = Node::Kind::kCmpLiteral;
  n.a = c;
  n.op = op;
  n.phys = narrow ? TypeId::kInt32 : TypeId::kInt64;
  n.lit_i = v;
  return Add(std::move(n));
}

Result<int> PredicateBinder::BindColCol(CompareOp op, const Column* a, const Column* b,
                                        const std::string& text) {
  if (!Comparable(a->type(), b->type())) return Mismatch(text, a->type(), b->type());
  Node n;
  n.kind = Node::Kind::kCmpColumns;
  n.op = op;
  n.a = a;
  n.b = b;
  const TypeId ta = a->type();
  const TypeId tb = b->type();
  if (ta == TypeId::kString) {
    n.phys = TypeId::kInt32;
    const bool same_dict = a->shared_dictionary() == b->shared_dictionary();
    if (!same_dict || (op != CompareOp::kEq && op != CompareOp::kNe)) {
      // Both sides become ranks in the sorted union of the two dictionaries.
      StringDictionary merged = a->dictionary();
      std::vector<int32_t> remap_b = merged.Merge(b->dictionary());
      std::vector<int32_t> rank = merged.SortedRanks();
      n.map_a.resize(a->dictionary().size());
      for (size_t code = 0; code < n.map_a.size(); ++code) n.map_a[code] = rank[code];
      n.map_b.resize(remap_b.size());
      for (size_t code = 0; code < remap_b.size(); ++code) n.map_b[code] = rank[remap_b[code]];
    }
  } else if (ta == TypeId::kBool) {
    n.phys = TypeId::kBool;
  } else if (ta == TypeId::kDouble || tb == TypeId::kDouble) {
    n.phys = TypeId::kDouble;
  } else {
    n.phys = (ta == TypeId::kInt32 && tb == TypeId::kInt32) ? TypeId::kInt32 : TypeId::kInt64;
  }
  return Add(std::move(n));
}

Result<int> PredicateBinder::BindIn(const Expr& e) {
  const ExprPtr& x = e.children()[0];
  if (x->kind() != Expr::Kind::kColumn) {
    return Status::NotSupported("IN needs a column on the left: " + ToString(x));
  }
  STEDI_ASSIGN_OR_RETURN(const Column* c, Resolve(x->column()));
  Node n;
  n.a = c;
  const TypeId t = c->type();
  const bool by_code = t == TypeId::kString || t == TypeId::kBool;
  n.kind = by_code ? Node::Kind::kCodeTable : Node::Kind::kInSet;
  if (by_code) n.pass.assign(t == TypeId::kBool ? 2 : c->dictionary().size(), 0);
  for (const Value& v : e.list()) {
    if (v.is_null) {
      n.in_has_null = true;
      continue;
    }
    if (!Comparable(t, v.type)) return Mismatch("IN list of " + x->column(), t, v.type);
    if (t == TypeId::kString) {
      const int32_t code = c->dictionary().Find(v.s);
      if (code >= 0) n.pass[code] = 1;
    } else if (t == TypeId::kBool) {
      n.pass[v.i != 0] = 1;
    } else if (t == TypeId::kDouble) {
      n.set_d.push_back(v.type == TypeId::kDouble ? v.d : static_cast<double>(v.i));
    } else if (v.type != TypeId::kDouble) {
      n.set_i.push_back(v.i);
    } else if (v.d == std::floor(v.d) && std::abs(v.d) < 9.2e18) {
      n.set_i.push_back(static_cast<int64_t>(v.d));  // a fractional double matches no integer
    }
  }
  std::sort(n.set_i.begin(), n.set_i.end());
  std::sort(n.set_d.begin(), n.set_d.end());
  return Add(std::move(n));
}

Result<int> PredicateBinder::BindNullTest(const Expr& e) {
  const ExprPtr& x = e.children()[0];
  const bool is_null = e.kind() == Expr::Kind::kIsNull;
  if (x->kind() == Expr::Kind::kLiteral) return Const(x->literal().is_null == is_null, true);
  Node n;
  n.kind = is_null ? Node::Kind::kIsNull : Node::Kind::kIsNotNull;
  if (x->kind() == Expr::Kind::kColumn) {
    STEDI_ASSIGN_OR_RETURN(n.a, Resolve(x->column()));
  } else {
    STEDI_ASSIGN_OR_RETURN(n.child0, Bind(x));
  }
  return Add(std::move(n));
}

Result<BoundPredicate> BoundPredicate::Bind(const ExprPtr& expr, const Table& table) {
  if (!expr) return Status::InvalidArgument("empty predicate");
  BoundPredicate p;
  PredicateBinder binder(table, &p);
  STEDI_ASSIGN_OR_RETURN(p.root_, binder.Bind(expr));
  return p;
}

}  // namespace stedi
