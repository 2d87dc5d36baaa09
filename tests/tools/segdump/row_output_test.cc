#include "tools/segdump/row_output.h"

#include <gtest/gtest.h>

#include <sstream>

namespace stedi::segdump {
namespace {

TEST(RowOutput, CsvQuotesOnlyWhatRfc4180Requires) {
  EXPECT_EQ(CsvField("plain text"), "plain text");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"x\""), "\"say \"\"x\"\"\"");
  EXPECT_EQ(CsvField("cr\r"), "\"cr\r\"");
  EXPECT_EQ(CsvField("lf\n"), "\"lf\n\"");
  EXPECT_EQ(CsvField(""), "");
}

TEST(RowOutput, ParsesFormatNames) {
  EXPECT_EQ(*ParseRowFormat("table"), RowFormat::kTable);
  EXPECT_EQ(*ParseRowFormat("csv"), RowFormat::kCsv);
  EXPECT_EQ(*ParseRowFormat("jsonl"), RowFormat::kJsonl);
  EXPECT_TRUE(ParseRowFormat("json").status().IsInvalidArgument());
}

TEST(RowOutput, EmptyTableStillHasAHeader) {
  const Table t =
      Table::Empty(Schema({{"a,b", TypeId::kInt64, true}, {"c", TypeId::kDouble, true}}));
  std::ostringstream csv, jsonl, table;
  WriteRows(t, RowFormat::kCsv, csv);
  WriteRows(t, RowFormat::kJsonl, jsonl);
  WriteRows(t, RowFormat::kTable, table);
  EXPECT_EQ(csv.str(), "\"a,b\",c\r\n");
  EXPECT_EQ(jsonl.str(), "");
  EXPECT_EQ(table.str(), "a,b | c\n----+--\n(0 rows)\n");
}

TEST(RowOutput, NonFiniteDoublesAndControlCharacters) {
  Column d(TypeId::kDouble), s(TypeId::kString);
  d.AppendDouble(std::numeric_limits<double>::infinity());
  s.AppendString(std::string("tab\there\x01", 9));
  const Table t =
      *Table::Make(Schema({{"d", TypeId::kDouble, true}, {"s", TypeId::kString, true}}), {d, s});
  std::ostringstream csv, jsonl, table;
  WriteRows(t, RowFormat::kCsv, csv);
  WriteRows(t, RowFormat::kJsonl, jsonl);
  WriteRows(t, RowFormat::kTable, table);
  EXPECT_EQ(csv.str(), std::string("d,s\r\ninf,tab\there\x01\r\n"));
  EXPECT_EQ(jsonl.str(), "{\"d\":null,\"s\":\"tab\\there\\u0001\"}\n");
  EXPECT_EQ(table.str(), "  d | s\n----+--------------\ninf | tab\\there\\x01\n(1 row)\n");
}

}  // namespace
}  // namespace stedi::segdump
