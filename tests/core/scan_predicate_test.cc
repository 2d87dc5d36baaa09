#include "core/scan_predicate.h"

#include <gtest/gtest.h>

namespace stedi {
namespace {

ZoneStats Range(int64_t lo, int64_t hi, uint64_t nulls = 0, uint64_t rows = 10) {
  return ZoneStats{Value::Int64(lo), Value::Int64(hi), nulls, rows};
}

ScanPredicate Cmp(CompareOp op, int64_t v) {
  return ScanPredicate{"c", ScanPredicate::Kind::kCompare, op, Value::Int64(v)};
}

TEST(ScanPredicateTest, ComparisonsSkipOnlyImpossibleRanges) {
  EXPECT_TRUE(MayMatch(Cmp(CompareOp::kEq, 5), Range(1, 9)));
  EXPECT_FALSE(MayMatch(Cmp(CompareOp::kEq, 10), Range(1, 9)));
  EXPECT_FALSE(MayMatch(Cmp(CompareOp::kNe, 4), Range(4, 4)));
  EXPECT_TRUE(MayMatch(Cmp(CompareOp::kNe, 4), Range(4, 5)));
  EXPECT_FALSE(MayMatch(Cmp(CompareOp::kLt, 1), Range(1, 9)));
  EXPECT_TRUE(MayMatch(Cmp(CompareOp::kLe, 1), Range(1, 9)));
  EXPECT_FALSE(MayMatch(Cmp(CompareOp::kGt, 9), Range(1, 9)));
  EXPECT_TRUE(MayMatch(Cmp(CompareOp::kGe, 9), Range(1, 9)));
}

TEST(ScanPredicateTest, NullsAndUnknownRanges) {
  ScanPredicate is_null{"c", ScanPredicate::Kind::kIsNull, CompareOp::kEq, {}};
  ScanPredicate not_null{"c", ScanPredicate::Kind::kIsNotNull, CompareOp::kEq, {}};
  EXPECT_FALSE(MayMatch(is_null, Range(1, 9, 0)));
  EXPECT_TRUE(MayMatch(is_null, Range(1, 9, 1)));
  ZoneStats all_null{Value::Null(TypeId::kInt64), Value::Null(TypeId::kInt64), 10, 10};
  EXPECT_FALSE(MayMatch(not_null, all_null));
  EXPECT_FALSE(MayMatch(Cmp(CompareOp::kEq, 1), all_null));
  ZoneStats unknown{Value::Null(TypeId::kDouble), Value::Null(TypeId::kDouble), 0, 10};
  EXPECT_TRUE(MayMatch(Cmp(CompareOp::kEq, 1), unknown));
}

}  // namespace
}  // namespace stedi
