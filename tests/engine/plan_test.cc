// The plan API end to end: builder, pushdown, explain, execution, errors.
#include "engine/plan.h"

#include <gtest/gtest.h>

#include "tests/engine/random_table.h"

namespace stedi {
namespace {

using testing::Rows;

Table People() {
  Column email(TypeId::kString), since(TypeId::kTimestamp), age(TypeId::kInt32);
  const char* emails[] = {"a@x", "b@x", "c@x", "d@x"};
  const int64_t sinces[] = {100, 0, 300, 0};
  const int ages[] = {30, 40, 50, 60};
  for (int i = 0; i < 4; ++i) {
    email.AppendString(emails[i]);
    if (sinces[i]) {
      since.AppendInt64(sinces[i]);
    } else {
      since.AppendNull();
    }
    age.AppendInt32(ages[i]);
  }
  return *Table::Make(
      Schema({{"email", TypeId::kString}, {"since", TypeId::kTimestamp}, {"age", TypeId::kInt32}}),
      {email, since, age});
}

Table Readings() {
  Column user(TypeId::kString), ts(TypeId::kTimestamp), x(TypeId::kDouble);
  const char* users[] = {"c@x", "a@x", "a@x", "b@x", "z@x", "c@x"};
  const int64_t tss[] = {350, 50, 150, 10, 500, 200};
  for (int i = 0; i < 6; ++i) {
    user.AppendString(users[i]);
    ts.AppendInt64(tss[i]);
    x.AppendDouble(i * 1.5);
  }
  return *Table::Make(
      Schema(
          {{"user", TypeId::kString}, {"timestamp", TypeId::kTimestamp}, {"x", TypeId::kDouble}}),
      {user, ts, x});
}

// A source that records the predicates pushed to it.
class RecordingSource : public InMemorySource {
 public:
  explicit RecordingSource(Table t) : InMemorySource(std::move(t)) {}
  Result<Table> Scan(const std::vector<std::string>& columns,
                     const std::vector<ScanPredicate>& predicates) const override {
    for (const ScanPredicate& p : predicates) seen.push_back(p.ToString());
    return InMemorySource::Scan(columns, predicates);
  }
  mutable std::vector<std::string> seen;
};

PlanNodePtr StrictReadings() {
  return PlanBuilder::Scan("readings")
      .Join(PlanBuilder::Scan("people", {"email", "since"}).Filter(IsNotNull(Col("since"))),
            {"user"}, {"email"})
      .Filter(Ge(Col("timestamp"), Col("since")))
      .Project({"user", "timestamp", "x"})
      .Sort({{"timestamp", false}})
      .Build();
}

TEST(PlanTest, ExplainGolden) {
  EXPECT_EQ(Explain(StrictReadings()),
            "Sort [timestamp DESC]\n"
            "  Project [user, timestamp, x]\n"
            "    Filter (timestamp >= since)\n"
            "      SortMergeJoin left=[user] right=[email]\n"
            "        Scan readings\n"
            "        Filter (since IS NOT NULL)\n"
            "          Scan people columns=[email, since] pushed=[since IS NOT NULL]\n");
  auto agg = PlanBuilder::Values("inline", People())
                 .Aggregate({"age"}, {{AggKind::kCount, "", "n"}, {AggKind::kMax, "since", "last"}})
                 .Distinct({"n"})
                 .Limit(3)
                 .Build();
  EXPECT_EQ(Explain(agg),
            "Limit 3\n"
            "  Distinct [n]\n"
            "    Aggregate group_by=[age] aggs=[count(*) AS n, max(since) AS last]\n"
            "      Values inline rows=4\n");
}

TEST(PlanTest, PushdownOfSimpleConjunctsOnly) {
  auto plan = PlanBuilder::Scan("people")
                  .Filter(And(Gt(LitInt(45), Col("age")),
                              Or(IsNull(Col("since")), Eq(Col("age"), LitInt(30)))))
                  .Filter(Between(Col("since"), LitTimestamp(50), LitTimestamp(400)))
                  .Build();
  EXPECT_EQ(Explain(plan),
            "Filter (since BETWEEN 50 AND 400)\n"
            "  Filter ((45 > age) AND ((since IS NULL) OR (age = 30)))\n"
            "    Scan people pushed=[age < 45, since >= 50, since <= 400]\n");
  ExecContext ctx(1);
  auto source = std::make_shared<RecordingSource>(People());
  ctx.Register("people", source);
  auto got = Execute(plan, ctx);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(Rows(*got), (std::vector<std::string>{"a@x | 100 | 30"}));
  EXPECT_EQ(source->seen, (std::vector<std::string>{"age < 45", "since >= 50", "since <= 400"}));
}

TEST(PlanTest, JoinInLeftOrder) {
  ExecContext ctx(2);
  ctx.RegisterTable("people", People());
  ctx.RegisterTable("readings", Readings());
  auto plan = [](JoinOrder order) {
    return PlanBuilder::Scan("readings", {"user", "timestamp"})
        .Join(PlanBuilder::Scan("people", {"email"}), {"user"}, {"email"}, order)
        .Project({"timestamp"})
        .Build();
  };
  EXPECT_NE(
      Explain(plan(JoinOrder::kLeft)).find("SortMergeJoin left=[user] right=[email] order=left"),
      std::string::npos);
  auto left = Execute(plan(JoinOrder::kLeft), ctx);
  ASSERT_TRUE(left.ok()) << left.status().ToString();
  // The readings' own order (z@x matches nobody) ...
  EXPECT_EQ(Rows(*left), (std::vector<std::string>{"350", "50", "150", "10", "200"}));
  // ... where the key order groups them by user (c@x first: first seen on the left).
  auto keys = Execute(plan(JoinOrder::kKeys), ctx);
  ASSERT_TRUE(keys.ok());
  EXPECT_EQ(Rows(*keys), (std::vector<std::string>{"350", "200", "50", "150", "10"}));
}

TEST(PlanTest, UnregisterForgetsTheTableAndLetsItGo) {
  ExecContext ctx(1);
  auto source = std::make_shared<InMemorySource>(People());
  std::weak_ptr<const TableSource> watch = source;
  ctx.Register("people", std::move(source));
  ctx.RegisterTable("readings", Readings());
  ASSERT_TRUE(ctx.Lookup("people").ok());
  ctx.Unregister("people");
  EXPECT_TRUE(ctx.Lookup("people").status().IsNotFound());
  EXPECT_TRUE(watch.expired());
  EXPECT_TRUE(ctx.Lookup("readings").ok());
  ctx.Unregister("nobody");  // unknown names are ignored
  EXPECT_TRUE(ctx.Lookup("readings").ok());
}

TEST(PlanTest, ExecuteStrictJoinAndProfile) {
  ExecContext ctx(2);
  ctx.RegisterTable("people", People());
  ctx.RegisterTable("readings", Readings());
  QueryProfile profile;
  auto got = Execute(StrictReadings(), ctx, &profile);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(Rows(*got), (std::vector<std::string>{"c@x | 350 | 0", "a@x | 150 | 3"}));
  ASSERT_EQ(profile.operators.size(), 7u);
  EXPECT_EQ(profile.operators[0].label, "Sort [timestamp DESC]");
  EXPECT_EQ(profile.operators[0].rows_out, 2u);
  EXPECT_EQ(profile.operators[3].depth, 3);
  EXPECT_EQ(profile.operators[3].rows_out, 4u);  // join: c@x twice, a@x twice
  auto text = ExplainAnalyze(StrictReadings(), ctx);
  ASSERT_TRUE(text.ok());
  EXPECT_NE(text->find("SortMergeJoin left=[user] right=[email]  [rows=4 time="),
            std::string::npos);
}

TEST(PlanTest, SemiAntiRenameAggregate) {
  ExecContext ctx;
  ctx.RegisterTable("people", People());
  ctx.RegisterTable("readings", Readings());
  auto semi = Execute(PlanBuilder::Scan("people", {"email"})
                          .SemiJoin(PlanBuilder::Scan("readings"), {"email"}, {"user"})
                          .Build(),
                      ctx);
  ASSERT_TRUE(semi.ok());
  EXPECT_EQ(Rows(*semi), (std::vector<std::string>{"a@x", "b@x", "c@x"}));
  auto anti = Execute(
      PlanBuilder::Scan("readings", {"user"})
          .AntiJoin(PlanBuilder::Scan("people").Rename({{"email", "user2"}}), {"user"}, {"user2"})
          .Build(),
      ctx);
  ASSERT_TRUE(anti.ok());
  EXPECT_EQ(Rows(*anti), (std::vector<std::string>{"z@x"}));
  auto agg = Execute(PlanBuilder::Scan("readings")
                         .Aggregate({"user"}, {{AggKind::kCount, "", "n"},
                                               {AggKind::kSum, "x", "sx"},
                                               {AggKind::kMin, "timestamp", "first"}})
                         .Sort({{"n", false}, {"user", true}})
                         .Limit(2)
                         .Build(),
                     ctx);
  ASSERT_TRUE(agg.ok()) << agg.status().ToString();
  EXPECT_EQ(Rows(*agg), (std::vector<std::string>{"a@x | 2 | 4.5 | 50", "c@x | 2 | 7.5 | 200"}));
}

TEST(PlanTest, ErrorsAreStatuses) {
  ExecContext ctx;
  ctx.RegisterTable("people", People());
  ctx.RegisterTable("readings", Readings());
  auto run = [&](const PlanBuilder& b) { return Execute(b.Build(), ctx).status(); };
  EXPECT_TRUE(run(PlanBuilder::Scan("nope")).IsNotFound());
  EXPECT_TRUE(run(PlanBuilder::Scan("people", {"nope"})).IsNotFound());
  EXPECT_TRUE(run(PlanBuilder::Scan("people").Filter(Eq(Col("nope"), LitInt(1)))).IsNotFound());
  EXPECT_TRUE(
      run(PlanBuilder::Scan("people").Filter(Eq(Col("email"), LitInt(1)))).IsInvalidArgument());
  Status clash =
      run(PlanBuilder::Scan("people").Join(PlanBuilder::Scan("people"), {"email"}, {"email"}));
  EXPECT_TRUE(clash.IsInvalidArgument());
  EXPECT_NE(clash.message().find("SortMergeJoin"), std::string::npos) << "names the operator";
  EXPECT_TRUE(
      run(PlanBuilder::Scan("people").Join(PlanBuilder::Scan("readings"), {"age"}, {"user"}))
          .IsInvalidArgument());
  EXPECT_TRUE(run(PlanBuilder::Scan("people").Aggregate({}, {{AggKind::kSum, "email", "s"}}))
                  .IsInvalidArgument());
  EXPECT_TRUE(run(PlanBuilder::Scan("people").Sort({{"nope", true}})).IsNotFound());
  EXPECT_TRUE(run(PlanBuilder::Scan("people").Rename({{"age", "email"}})).IsInvalidArgument());
  EXPECT_TRUE(Execute(nullptr, ctx).status().IsInvalidArgument());
}

}  // namespace
}  // namespace stedi
