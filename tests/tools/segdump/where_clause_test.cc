#include "tools/segdump/where_clause.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace stedi::segdump {
namespace {

using testing::SmallTable;

std::vector<uint32_t> Rows(const std::string& text) {
  const Table t = SmallTable();
  auto p = ParseWhere(text, t.schema());
  EXPECT_TRUE(p.ok()) << text << ": " << p.status().ToString();
  if (!p.ok()) return {};
  return MatchingRows(t, {*p});
}

TEST(WhereClause, ParsesEveryOperator) {
  EXPECT_EQ(Rows("id = 120"), (std::vector<uint32_t>{2}));
  EXPECT_EQ(Rows("id==120"), (std::vector<uint32_t>{2}));
  EXPECT_EQ(Rows("id != 120"), (std::vector<uint32_t>{0, 1, 3, 4, 5}));
  EXPECT_EQ(Rows("id <> 120"), (std::vector<uint32_t>{0, 1, 3, 4, 5}));
  EXPECT_EQ(Rows("id < 120"), (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(Rows("id <= 120"), (std::vector<uint32_t>{0, 1, 2}));
  EXPECT_EQ(Rows("id > 130"), (std::vector<uint32_t>{4, 5}));
  EXPECT_EQ(Rows("  ID   >=   130 "), (std::vector<uint32_t>{3, 4, 5}));
}

TEST(WhereClause, ComparisonsNeverMatchNull) {
  EXPECT_EQ(Rows("score != 0"), (std::vector<uint32_t>{0, 1, 2, 3, 4}));
  EXPECT_EQ(Rows("score IS NULL"), (std::vector<uint32_t>{5}));
  EXPECT_EQ(Rows("score is not null"), (std::vector<uint32_t>{0, 1, 2, 3, 4}));
  EXPECT_EQ(Rows("ok = false"), (std::vector<uint32_t>{1, 3, 5}));
  EXPECT_EQ(Rows("name IS NULL"), (std::vector<uint32_t>{5}));
}

TEST(WhereClause, TypedLiterals) {
  EXPECT_EQ(Rows("name = 'bob, jr'"), (std::vector<uint32_t>{1}));
  EXPECT_EQ(Rows("name = \"bob, jr\""), (std::vector<uint32_t>{1}));
  EXPECT_EQ(Rows("name = ''"), (std::vector<uint32_t>{4}));
  EXPECT_EQ(Rows("name = alice"), (std::vector<uint32_t>{0}));
  EXPECT_EQ(Rows("name < b"), (std::vector<uint32_t>{0, 4}));
  EXPECT_EQ(Rows("at >= 2022-06-20T15:00:44.103Z"), (std::vector<uint32_t>{2, 3, 4, 5}));
  EXPECT_EQ(Rows("at < 1655737244103"), (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(Rows("score > 1"), (std::vector<uint32_t>{0, 3, 4}));
  EXPECT_EQ(Rows("n <= -2"), (std::vector<uint32_t>{0, 1}));
}

TEST(WhereClause, SingleQuotesDoubleToEscape) {
  Column c(TypeId::kString);
  c.AppendString("it's");
  c.AppendString("its");
  const Table t = *Table::Make(Schema({{"s", TypeId::kString, true}}), {c});
  auto p = ParseWhere("s = 'it''s'", t.schema());
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->value.s, "it's");
  EXPECT_EQ(MatchingRows(t, {*p}), (std::vector<uint32_t>{0}));
}

TEST(WhereClause, BadConditionsAreInvalidArgument) {
  const Schema schema = SmallTable().schema();
  for (const char* bad : {"", "= 3", "nope = 3", "id", "id ~ 3", "id =", "id = abc", "id = 1.5",
                          "at > yesterday", "ok = maybe", "name = 'open", "id IS NULLISH"}) {
    auto p = ParseWhere(bad, schema);
    EXPECT_TRUE(p.status().IsInvalidArgument()) << bad;
    EXPECT_NE(p.status().message().find("--where"), std::string::npos) << bad;
  }
}

TEST(WhereClause, SeveralPredicatesAreAnded) {
  const Table t = SmallTable();
  auto a = ParseWhere("id > 100", t.schema());
  auto b = ParseWhere("ok = true", t.schema());
  EXPECT_EQ(MatchingRows(t, {*a, *b}), (std::vector<uint32_t>{4}));
}

}  // namespace
}  // namespace stedi::segdump
