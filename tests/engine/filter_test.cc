#include <gtest/gtest.h>

#include <random>

#include "engine/operators.h"
#include "tests/engine/random_table.h"

namespace stedi {
namespace {

using testing::RandomTable;
using testing::Rows;

enum class Tri { kFalse, kTrue, kUnknown };

Value Operand(const ExprPtr& e, const Table& t, size_t row) {
  if (e->kind() == Expr::Kind::kLiteral) return e->literal();
  return t.column(*t.ColumnIndex(e->column())).GetValue(row);
}

bool Holds(int c, CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return c == 0;
    case CompareOp::kNe:
      return c != 0;
    case CompareOp::kLt:
      return c < 0;
    case CompareOp::kLe:
      return c <= 0;
    case CompareOp::kGt:
      return c > 0;
    case CompareOp::kGe:
      return c >= 0;
  }
  return false;
}

Tri FromBool(bool b) { return b ? Tri::kTrue : Tri::kFalse; }

// Row-at-a-time reference with SQL three-valued logic, via Value::Compare.
Tri RefEval(const ExprPtr& e, const Table& t, size_t row) {
  const auto& c = e->children();
  switch (e->kind()) {
    case Expr::Kind::kColumn:
    case Expr::Kind::kLiteral: {
      Value v = Operand(e, t, row);
      return v.is_null ? Tri::kUnknown : FromBool(v.i != 0);
    }
    case Expr::Kind::kCompare: {
      Value a = Operand(c[0], t, row), b = Operand(c[1], t, row);
      if (a.is_null || b.is_null) return Tri::kUnknown;
      return FromBool(Holds(a.Compare(b), e->op()));
    }
    case Expr::Kind::kBetween:
      return RefEval(And(Ge(c[0], c[1]), Le(c[0], c[2])), t, row);
    case Expr::Kind::kIn: {
      Value x = Operand(c[0], t, row);
      if (x.is_null) return Tri::kUnknown;
      bool has_null = false;
      for (const Value& v : e->list()) {
        if (v.is_null) {
          has_null = true;
        } else if (x.Compare(v) == 0) {
          return Tri::kTrue;
        }
      }
      return has_null ? Tri::kUnknown : Tri::kFalse;
    }
    case Expr::Kind::kIsNull:
    case Expr::Kind::kIsNotNull: {
      bool null = (c[0]->kind() == Expr::Kind::kColumn || c[0]->kind() == Expr::Kind::kLiteral)
                      ? Operand(c[0], t, row).is_null
                      : RefEval(c[0], t, row) == Tri::kUnknown;
      return FromBool(null == (e->kind() == Expr::Kind::kIsNull));
    }
    case Expr::Kind::kNot: {
      Tri a = RefEval(c[0], t, row);
      return a == Tri::kUnknown ? a : FromBool(a == Tri::kFalse);
    }
    case Expr::Kind::kAnd:
    case Expr::Kind::kOr: {
      Tri a = RefEval(c[0], t, row), b = RefEval(c[1], t, row);
      const Tri dominant = e->kind() == Expr::Kind::kAnd ? Tri::kFalse : Tri::kTrue;
      if (a == dominant || b == dominant) return dominant;
      if (a == Tri::kUnknown || b == Tri::kUnknown) return Tri::kUnknown;
      return a;
    }
  }
  return Tri::kUnknown;
}

Table TestTable(size_t rows, uint64_t seed) {
  return RandomTable({{"i32", TypeId::kInt32, 12, 0.1},
                      {"i64", TypeId::kInt64, 12, 0.1},
                      {"ts", TypeId::kTimestamp, 8, 0.1},
                      {"ts2", TypeId::kTimestamp, 8, 0.0},
                      {"dbl", TypeId::kDouble, 12, 0.1},
                      {"str", TypeId::kString, 8, 0.1},
                      {"str2", TypeId::kString, 8, 0.1},
                      {"b", TypeId::kBool, 2, 0.2}},
                     rows, seed);
}

// A random predicate over TestTable's columns.
ExprPtr RandomPredicate(std::mt19937_64& rng, int depth) {
  std::uniform_int_distribution<int> pick(0, depth > 0 ? 15 : 11);
  std::uniform_int_distribution<int> small(-6, 6);
  const CompareOp op = static_cast<CompareOp>(rng() % 6);
  switch (pick(rng)) {
    case 0:
      return MakeCompare(op, Col("i32"), LitInt(small(rng) * 7));
    case 1:
      return MakeCompare(op, Col("i64"), LitDouble(small(rng) * 1000003 + 0.5));
    case 2:
      return MakeCompare(op, Col("i32"), LitInt(int64_t{1} << 40));  // beyond int32
    case 3:
      return MakeCompare(op, Col("dbl"), LitInt(small(rng)));
    case 4:
      return MakeCompare(op, Col("str"), LitString("s" + std::to_string(small(rng))));
    case 5:
      return MakeCompare(op, Col("str"), Col("str2"));  // different dictionaries
    case 6:
      return MakeCompare(op, Col("i32"), Col("i64"));
    case 7:
      return MakeCompare(op, LitTimestamp(1700000000000 + small(rng) * 1000), Col("ts"));
    case 8:
      if (rng() % 2)
        return In(Col("str"),
                  {Value::String("s1"), Value::String("s-2"), Value::Null(TypeId::kString)});
      return In(Col("i64"), {Value::Int64(2000006), Value::Double(0.5), Value::Int64(0)});
    case 9:
      return rng() % 2 ? IsNull(Col("dbl")) : IsNotNull(Col("str"));
    case 10:
      return Col("b");
    case 11:
      // Literal ranges on one column take the fused range kernel.
      switch (rng() % 5) {
        case 0:
          return Between(Col("i32"), LitInt(small(rng) * 7), LitInt(small(rng) * 7));
        case 1:
          return Between(Col("dbl"), LitDouble(small(rng) * 0.5), LitInt(small(rng)));
        case 2:
          return And(MakeCompare(op, Col("i64"), LitInt(small(rng) * 1000003)),
                     MakeCompare(CompareOp::kLt, Col("i64"), LitInt(small(rng) * 1000003)));
        case 3:
          return Between(Col("ts"), LitTimestamp(1700000000000 + small(rng) * 1000),
                         LitTimestamp(1700000003000));
        default:
          return Between(Col("ts"), Col("ts2"), LitTimestamp(1700000003000));
      }
    case 12:
      return And(RandomPredicate(rng, depth - 1), RandomPredicate(rng, depth - 1));
    case 13:
      return Or(RandomPredicate(rng, depth - 1), RandomPredicate(rng, depth - 1));
    case 14:
      return Not(RandomPredicate(rng, depth - 1));
    default:
      return IsNull(RandomPredicate(rng, depth - 1));
  }
}

void ExpectMatchesReference(const Table& t, const ExprPtr& pred, int threads) {
  std::vector<uint32_t> keep;
  for (size_t r = 0; r < t.num_rows(); ++r) {
    if (RefEval(pred, t, r) == Tri::kTrue) keep.push_back(static_cast<uint32_t>(r));
  }
  auto got = FilterTable(t, pred, threads);
  ASSERT_TRUE(got.ok()) << ToString(pred) << ": " << got.status().ToString();
  ASSERT_EQ(got->num_rows(), keep.size()) << ToString(pred);
  EXPECT_TRUE(got->Equals(t.Gather(keep))) << ToString(pred);
}

TEST(FilterTest, RandomPredicatesMatchReference) {
  const Table t = TestTable(2500, 7);  // two batches, the second partial
  std::mt19937_64 rng(99);
  for (int i = 0; i < 300; ++i) ExpectMatchesReference(t, RandomPredicate(rng, 3), 1);
}

TEST(FilterTest, ParallelMatchesReference) {
  const Table t = TestTable(150000, 8);  // three tasks of 64K rows
  std::mt19937_64 rng(5);
  for (int i = 0; i < 5; ++i) ExpectMatchesReference(t, RandomPredicate(rng, 2), 2);
}

TEST(FilterTest, ExactIntegerVersusDoubleLiteral) {
  Column c(TypeId::kInt32);
  for (int v : {1, 2, 3, INT32_MAX, INT32_MIN}) c.AppendInt32(v);
  Table t = *Table::Make(Schema({{"x", TypeId::kInt32}}), {c});
  auto count = [&](ExprPtr p) { return FilterTable(t, p, 1)->num_rows(); };
  EXPECT_EQ(count(Lt(Col("x"), LitDouble(2.5))), 3u);  // 1, 2, INT32_MIN
  EXPECT_EQ(count(Ge(Col("x"), LitDouble(2.5))), 2u);
  EXPECT_EQ(count(Eq(Col("x"), LitDouble(2.5))), 0u);
  EXPECT_EQ(count(Ne(Col("x"), LitDouble(2.5))), 5u);
  EXPECT_EQ(count(Lt(Col("x"), LitInt(int64_t{1} << 40))), 5u);
  EXPECT_EQ(count(Gt(Col("x"), LitDouble(-1e300))), 5u);
  EXPECT_EQ(count(Eq(Col("x"), Lit(Value::Null(TypeId::kInt64)))), 0u);
  EXPECT_EQ(count(Not(Eq(Col("x"), Lit(Value::Null(TypeId::kInt64))))), 0u);  // NOT unknown
}

TEST(FilterTest, ErrorsAreStatuses) {
  const Table t = TestTable(10, 1);
  EXPECT_TRUE(FilterTable(t, Eq(Col("nope"), LitInt(1)), 1).status().IsNotFound());
  auto mismatch = FilterTable(t, Eq(Col("str"), LitInt(1)), 1);
  ASSERT_TRUE(mismatch.status().IsInvalidArgument());
  EXPECT_NE(mismatch.status().message().find("type mismatch"), std::string::npos);
  EXPECT_TRUE(FilterTable(t, Eq(Col("b"), Col("i32")), 1).status().IsInvalidArgument());
  EXPECT_TRUE(FilterTable(t, Col("i32"), 1).status().IsInvalidArgument());  // not boolean
  EXPECT_FALSE(FilterTable(t, Eq(And(Col("b"), Col("b")), LitBool(true)), 1).ok());
}

}  // namespace
}  // namespace stedi
