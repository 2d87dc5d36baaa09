#include "core/table.h"

#include <gtest/gtest.h>

namespace stedi {
namespace {

TEST(TableTest, MakeValidatesTypesAndLengths) {
  Schema s({{"a", TypeId::kInt64, false}, {"b", TypeId::kString, true}});
  Column a(TypeId::kInt64), b(TypeId::kString);
  a.AppendInt64(1);
  EXPECT_FALSE(Table::Make(s, {a, b}).ok());
  b.AppendString("x");
  auto t = Table::Make(s, {a, b});
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->num_rows(), 1u);
  EXPECT_EQ(t->RowToString(0), "1 | x");
  EXPECT_FALSE(Table::Make(s, {b, a}).ok());
}

TEST(TableTest, ProjectAppendGather) {
  Schema s({{"a", TypeId::kInt64, false}, {"b", TypeId::kString, true}});
  Table t = Table::Empty(s);
  Column a(TypeId::kInt64), b(TypeId::kString);
  a.AppendInt64(1);
  a.AppendInt64(2);
  b.AppendString("x");
  b.AppendNull();
  auto part = Table::Make(s, {a, b});
  ASSERT_TRUE(part.ok());
  ASSERT_TRUE(t.Append(*part).ok());
  ASSERT_TRUE(t.Append(*part).ok());
  EXPECT_EQ(t.num_rows(), 4u);
  auto p = t.Project({"b"});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->num_columns(), 1u);
  EXPECT_FALSE(t.Project({"nope"}).ok());
  std::vector<uint32_t> rows = {3, 0};
  Table g = t.Gather(rows);
  EXPECT_EQ(g.RowToString(0), "2 | NULL");
  EXPECT_EQ(g.RowToString(1), "1 | x");
}

}  // namespace
}  // namespace stedi
