// Golden-output tests: every segdump mode on a small table and lake, exact text.
//
// The metadata goldens hold the encodings and byte counts storage chooses for
// SmallTable(); a change to the encoders' choices shows up here on purpose.
#include "tools/segdump/segdump.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace stedi::segdump {
namespace {

using testing::ReplaceAll;
using testing::RunOutput;
using testing::TempDir;

class SegdumpGolden : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::WriteSmallTable(tmp_.Sub("small"));
    testing::WriteSmallLake(tmp_.Sub("lake"));
  }
  Options On(const std::string& sub) const {
    Options o;
    o.path = tmp_.Sub(sub);
    return o;
  }
  // Runs and replaces the temporary folder with "<tmp>" in both outputs.
  RunOutput Dump(const Options& o) const {
    RunOutput r = testing::RunSegdump(o);
    r.out = ReplaceAll(r.out, tmp_.path(), "<tmp>");
    r.err = ReplaceAll(r.err, tmp_.path(), "<tmp>");
    return r;
  }
  TempDir tmp_;
};

constexpr const char* kMetadata = R"(table       small
path        <tmp>/small (table folder)
format      stedi segment v1
rows        6
row groups  3
bytes       1078 in files, 329 in column chunks, 197 raw (ratio 0.60)
sort by     -

files
  file            bytes  rows  row groups  footer bytes
  seg-000000.sds   1078     6           3           709

columns
  column  type       nullable  encoding                                                                            stored  raw  ratio  nulls  min                       max
  id      int64      no        bitpack(4)                                                                              33   48   1.45      0  100                       150
  name    string     yes       dictionary(2)[bitpack(2); plain] -> bitpack(1) (1 of 3 row groups; 2 other chains)     118   30   0.25      1  ""                        two\nlines
  score   double     yes       decimal(1) -> bitpack(4) (1 of 3 row groups; 2 other chains)                            51   41   0.80      1  -2.5e-300                 1e+21
  at      timestamp  no        bitpack(27)                                                                             51   48   0.94      0  2022-06-18T15:00:44.103Z  2022-06-23T15:00:44.103Z
  ok      bool       yes       bitpack(1) (2 of 3 row groups; 1 other chain)                                           43    6   0.14      1  false                     true
  n       int32      no        bitpack(1)                                                                              33   24   0.73      0  -3                        2
)";

constexpr const char* kRowGroups = R"(row group 0: seg-000000.sds #0, 2 rows
  column  offset  stored  raw  ratio  encoding                                        validity  nulls  min                       max
  id          16      11   16   1.45  bitpack(4)                                      -             0  100                       110
  name        27      39   12   0.31  dictionary(2)[bitpack(2); plain] -> bitpack(1)  -             0  alice                     bob, jr
  score       66      13   16   1.23  decimal(1) -> bitpack(4)                        -             0  0.1                       1.5
  at          79      17   16   0.94  bitpack(27)                                     -             0  2022-06-18T15:00:44.103Z  2022-06-19T15:00:44.103Z
  ok          96      11    2   0.18  bitpack(1)                                      -             0  false                     true
  n          107      11    8   0.73  bitpack(1)                                      -             0  -3                        -2

row group 1: seg-000000.sds #1, 2 rows
  column  offset  stored  raw  ratio  encoding                                        validity    nulls  min                       max
  id         118      11   16   1.45  bitpack(4)                                      -               0  120                       130
  name       129      44   17   0.39  dictionary(2)[bitpack(1); plain] -> bitpack(1)  -               0  say "hi"                  two\nlines
  score      173      17   16   0.94  plain                                           -               0  -2.5e-300                 1e+21
  at         190      17   16   0.94  bitpack(27)                                     -               0  2022-06-20T15:00:44.103Z  2022-06-21T15:00:44.103Z
  ok         207      21    2   0.10  constant                                        bitpack(1)      1  false                     false
  n          228      11    8   0.73  bitpack(1)                                      -               0  -1                        0

row group 2: seg-000000.sds #2, 2 rows
  column  offset  stored  raw  ratio  encoding                                    validity    nulls  min                       max
  id         239      11   16   1.45  bitpack(4)                                  -               0  140                       150
  name       250      35    1   0.03  dictionary(1)[constant; plain] -> constant  bitpack(1)      1  ""                        ""
  score      285      21    9   0.43  constant                                    bitpack(1)      1  3                         3
  at         306      17   16   0.94  bitpack(27)                                 -               0  2022-06-22T15:00:44.103Z  2022-06-23T15:00:44.103Z
  ok         323      11    2   0.18  bitpack(1)                                  -               0  false                     true
  n          334      11    8   0.73  bitpack(1)                                  -               0  1                         2
)";

TEST_F(SegdumpGolden, Metadata) {
  const RunOutput r = Dump(On("small"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, kMetadata);
  EXPECT_EQ(r.err, "");
}

TEST_F(SegdumpGolden, MetadataWithRowGroups) {
  Options o = On("small");
  o.row_groups = true;
  const RunOutput r = Dump(o);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, std::string(kMetadata) + "\n" + kRowGroups);
}

TEST_F(SegdumpGolden, SegmentFileAndLakeTableShowTheSameColumns) {
  Options seg = On("small/seg-000000.sds");
  const RunOutput s = Dump(seg);
  EXPECT_EQ(s.exit_code, 0) << s.err;
  EXPECT_EQ(s.out, ReplaceAll(kMetadata, "<tmp>/small (table folder)",
                              "<tmp>/small/seg-000000.sds (segment file)"));
  Options lake = On("lake");
  lake.table = "small";
  const RunOutput l = Dump(lake);
  EXPECT_EQ(l.exit_code, 0) << l.err;
  EXPECT_EQ(l.out, ReplaceAll(kMetadata, "<tmp>/small (table folder)",
                              "<tmp>/lake/small/trusted (table folder)"));
}

TEST_F(SegdumpGolden, TableFolderInsideALakeTakesItsCatalogName) {
  Options o = On("lake/small/trusted");
  o.mode = Mode::kDdl;
  EXPECT_EQ(Dump(o).out.substr(0, 19), "CREATE TABLE small ");
}

TEST_F(SegdumpGolden, LakeListing) {
  const RunOutput r = Dump(On("lake"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, R"(lake     <tmp>/lake
catalog  format_version 1, mode compat, 1 table

table  zone     rows  files  bytes  raw  ratio  path
small  trusted     6      1   1078  197   0.18  small/trusted
total              6      1   1078  197   0.18
)");
}

TEST_F(SegdumpGolden, LakeListingJson) {
  Options o = On("lake");
  o.json = true;
  const RunOutput r = Dump(o);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, R"({
  "kind": "lake",
  "path": "<tmp>/lake",
  "format_version": 1,
  "mode": "compat",
  "tables": [
    {
      "name": "small",
      "zone": "trusted",
      "path": "small/trusted",
      "rows": 6,
      "files": 1,
      "bytes": 1078,
      "raw_bytes": 197,
      "ratio": 0.18
    }
  ]
}
)");
}

TEST_F(SegdumpGolden, Schema) {
  Options o = On("small");
  o.mode = Mode::kSchema;
  EXPECT_EQ(Dump(o).out, R"(column  type       null
id      int64      not null
name    string     nullable
score   double     nullable
at      timestamp  not null
ok      bool       nullable
n       int32      not null
)");
  o.json = true;
  EXPECT_EQ(Dump(o).out, R"([
  {
    "name": "id",
    "type": "int64",
    "nullable": false
  },
  {
    "name": "name",
    "type": "string",
    "nullable": true
  },
  {
    "name": "score",
    "type": "double",
    "nullable": true
  },
  {
    "name": "at",
    "type": "timestamp",
    "nullable": false
  },
  {
    "name": "ok",
    "type": "bool",
    "nullable": true
  },
  {
    "name": "n",
    "type": "int32",
    "nullable": false
  }
]
)");
}

TEST_F(SegdumpGolden, Ddl) {
  Options o = On("small");
  o.mode = Mode::kDdl;
  EXPECT_EQ(Dump(o).out, R"(CREATE TABLE small (
  id BIGINT,  -- not null
  name STRING,
  score DOUBLE,
  at TIMESTAMP,  -- not null
  ok BOOLEAN,
  n INT  -- not null
);
)");
}

TEST_F(SegdumpGolden, RowsAsTable) {
  Options o = On("small");
  o.mode = Mode::kRows;
  o.format = RowFormat::kTable;
  EXPECT_EQ(Dump(o).out, R"( id | name       |     score | at                       | ok    |  n
----+------------+-----------+--------------------------+-------+---
100 | alice      |       1.5 | 2022-06-18T15:00:44.103Z | true  | -3
110 | bob, jr    |       0.1 | 2022-06-19T15:00:44.103Z | false | -2
120 | say "hi"   | -2.5e-300 | 2022-06-20T15:00:44.103Z | NULL  | -1
130 | two\nlines |     1e+21 | 2022-06-21T15:00:44.103Z | false |  0
140 |            |         3 | 2022-06-22T15:00:44.103Z | true  |  1
150 | NULL       |      NULL | 2022-06-23T15:00:44.103Z | false |  2
(6 rows)
)");
}

TEST_F(SegdumpGolden, RowsAsCsv) {
  Options o = On("small");
  o.mode = Mode::kRows;
  o.format = RowFormat::kCsv;
  EXPECT_EQ(Dump(o).out,
            "id,name,score,at,ok,n\r\n"
            "100,alice,1.5,1655564444103,true,-3\r\n"
            "110,\"bob, jr\",0.1,1655650844103,false,-2\r\n"
            "120,\"say \"\"hi\"\"\",-2.5e-300,1655737244103,,-1\r\n"
            "130,\"two\nlines\",1e+21,1655823644103,false,0\r\n"
            "140,\"\",3,1655910044103,true,1\r\n"
            "150,,,1655996444103,false,2\r\n");
}

TEST_F(SegdumpGolden, RowsAsJsonLines) {
  Options o = On("small");
  o.mode = Mode::kRows;
  o.format = RowFormat::kJsonl;
  EXPECT_EQ(Dump(o).out,
            R"({"id":100,"name":"alice","score":1.5,"at":1655564444103,"ok":true,"n":-3}
{"id":110,"name":"bob, jr","score":0.1,"at":1655650844103,"ok":false,"n":-2}
{"id":120,"name":"say \"hi\"","score":-2.5e-300,"at":1655737244103,"ok":null,"n":-1}
{"id":130,"name":"two\nlines","score":1e+21,"at":1655823644103,"ok":false,"n":0}
{"id":140,"name":"","score":3,"at":1655910044103,"ok":true,"n":1}
{"id":150,"name":null,"score":null,"at":1655996444103,"ok":false,"n":2}
)");
}

TEST_F(SegdumpGolden, HeadColumnsAndWhere) {
  Options o = On("small");
  o.mode = Mode::kRows;
  o.format = RowFormat::kCsv;
  o.columns = {"n", "NAME"};
  o.where = {"at >= 2022-06-20T00:00:00Z", "ok IS NOT NULL"};
  o.head = 2;
  const RunOutput r = Dump(o);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "n,name\r\n0,\"two\nlines\"\r\n1,\"\"\r\n");
  EXPECT_EQ(r.err,
            "segdump: where at >= 2022-06-20T00:00:00Z AND ok IS NOT NULL: zone maps "
            "skipped 1 of 3 row groups; 4 rows read, 3 matched\n");
}

TEST_F(SegdumpGolden, WhereInJsonReportsTheScan) {
  Options o = On("small");
  o.json = true;
  o.where = {"id >= 140"};
  const RunOutput r = Dump(o);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string tail = r.out.substr(r.out.rfind("  \"scan\""));
  EXPECT_EQ(tail, R"(  "scan": {
    "where": [
      "id >= 140"
    ],
    "row_groups_total": 3,
    "row_groups_skipped": 2,
    "bytes_read": 106,
    "rows_read": 2,
    "rows_matched": 2
  }
}
)");
}

TEST_F(SegdumpGolden, VerifyOk) {
  Options o = On("small");
  o.mode = Mode::kVerify;
  RunOutput r = Dump(o);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "OK <tmp>/small: 1 file, 6 rows, 18 chunks checked and decoded\n");
  o = On("lake");
  o.mode = Mode::kVerify;
  r = Dump(o);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "OK <tmp>/lake: 1 file, 6 rows, 18 chunks checked and decoded\n");
}

}  // namespace
}  // namespace stedi::segdump
