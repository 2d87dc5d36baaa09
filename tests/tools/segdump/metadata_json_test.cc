// --json: exact text on a one-row-group table, and every field of a larger
// report checked through a JSON parser against the footers.
#include "tools/segdump/metadata_json.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include "storage/table_writer.h"
#include "test_util.h"

namespace stedi::segdump {
namespace {

using testing::TempDir;

TEST(MetadataJson, GoldenOnATinyTable) {
  TempDir tmp;
  Column id(TypeId::kInt64), s(TypeId::kString);
  for (int i = 1; i <= 3; ++i) id.AppendInt64(i);
  s.AppendString("a");
  s.AppendNull();
  s.AppendString("b");
  const Table t =
      *Table::Make(Schema({{"id", TypeId::kInt64, false}, {"s", TypeId::kString, true}}), {id, s});
  ASSERT_TRUE(WriteTable(t, tmp.Sub("tiny"), {.sort_by = {"id"}}).ok());
  auto target = ResolveTarget(tmp.Sub("tiny"));
  ASSERT_TRUE(target.ok());
  auto segments = OpenSegments(*target);
  ASSERT_TRUE(segments.ok());
  const std::string json = testing::ReplaceAll(
      MetadataJson(Summarize(*target, *segments), *segments, nullptr), tmp.path(), "<tmp>");
  EXPECT_EQ(json, R"json({
  "kind": "table",
  "path": "<tmp>/tiny",
  "name": "tiny",
  "format_version": 1,
  "rows": 3,
  "row_groups": 1,
  "file_bytes": 186,
  "stored_bytes": 50,
  "raw_bytes": 27,
  "ratio": 0.54,
  "sort_by": [
    "id"
  ],
  "files": [
    {
      "path": "<tmp>/tiny/seg-000000.sds",
      "bytes": 186,
      "rows": 3,
      "row_groups": 1,
      "footer_bytes": 96
    }
  ],
  "columns": [
    {
      "name": "id",
      "type": "int64",
      "nullable": false,
      "encodings": [
        {
          "chain": "bitpack(2)",
          "row_groups": 1
        }
      ],
      "stored_bytes": 11,
      "raw_bytes": 24,
      "ratio": 2.18,
      "null_count": 0,
      "min": 1,
      "max": 3
    },
    {
      "name": "s",
      "type": "string",
      "nullable": true,
      "encodings": [
        {
          "chain": "dictionary(2)[constant; plain] -> bitpack(1)",
          "row_groups": 1
        }
      ],
      "stored_bytes": 39,
      "raw_bytes": 3,
      "ratio": 0.08,
      "null_count": 1,
      "min": "a",
      "max": "b"
    }
  ],
  "row_group_details": [
    {
      "file": "<tmp>/tiny/seg-000000.sds",
      "index": 0,
      "rows": 3,
      "columns": [
        {
          "name": "id",
          "offset": 16,
          "stored_bytes": 11,
          "raw_bytes": 24,
          "checksum": "xxh3:270c634b2f75f822",
          "encoding": "bitpack(2)",
          "validity": null,
          "value_steps": [
            {
              "depth": 0,
              "encoding": "bitpack",
              "param": 2,
              "bytes_in": 24,
              "bytes_out": 11
            }
          ],
          "validity_steps": [],
          "null_count": 0,
          "min": 1,
          "max": 3
        },
        {
          "name": "s",
          "offset": 27,
          "stored_bytes": 39,
          "raw_bytes": 3,
          "checksum": "xxh3:f4f3407c65254f03",
          "encoding": "dictionary(2)[constant; plain] -> bitpack(1)",
          "validity": "bitpack(1)",
          "value_steps": [
            {
              "depth": 0,
              "encoding": "dictionary",
              "param": 2,
              "bytes_in": 18,
              "bytes_out": 27
            },
            {
              "depth": 1,
              "encoding": "constant",
              "param": 0,
              "bytes_in": 16,
              "bytes_out": 9
            },
            {
              "depth": 1,
              "encoding": "plain",
              "param": 0,
              "bytes_in": 2,
              "bytes_out": 3
            },
            {
              "depth": 1,
              "encoding": "bitpack",
              "param": 1,
              "bytes_in": 16,
              "bytes_out": 11
            }
          ],
          "validity_steps": [
            {
              "depth": 0,
              "encoding": "bitpack",
              "param": 1,
              "bytes_in": 24,
              "bytes_out": 11
            }
          ],
          "null_count": 1,
          "min": "a",
          "max": "b"
        }
      ]
    }
  ]
}
)json");
}

TEST(MetadataJson, EveryChunkMatchesTheFooter) {
  TempDir tmp;
  testing::WriteSmallTable(tmp.Sub("small"));
  auto target = ResolveTarget(tmp.Sub("small"));
  auto segments = OpenSegments(*target);
  ASSERT_TRUE(segments.ok());
  const TableSummary summary = Summarize(*target, *segments);
  simdjson::padded_string text(MetadataJson(summary, *segments, nullptr));
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_FALSE(parser.parse(text).get(doc));
  EXPECT_EQ(uint64_t(doc["rows"]), 6u);
  EXPECT_EQ(uint64_t(doc["row_groups"]), 3u);
  const SegmentMeta& meta = (*segments)[0]->metadata();
  simdjson::dom::array groups = doc["row_group_details"];
  ASSERT_EQ(groups.size(), 3u);
  size_t g = 0;
  for (simdjson::dom::element group : groups) {
    size_t c = 0;
    for (simdjson::dom::element chunk : group["columns"].get_array()) {
      const ChunkMeta& k = meta.row_groups[g].columns[c];
      EXPECT_EQ(uint64_t(chunk["offset"]), k.offset);
      EXPECT_EQ(uint64_t(chunk["stored_bytes"]), k.stored_bytes);
      EXPECT_EQ(uint64_t(chunk["null_count"]), k.null_count);
      EXPECT_EQ(std::string_view(chunk["encoding"]), ValueChain(k));
      EXPECT_EQ(chunk["value_steps"].get_array().size(), k.value_steps.size());
      ++c;
    }
    EXPECT_EQ(c, meta.schema.size());
    ++g;
  }
  // Column minima are typed: timestamps as epoch ms, doubles as numbers.
  simdjson::dom::array columns = doc["columns"];
  EXPECT_EQ(int64_t(columns.at(3)["min"]), 1655564444103);
  EXPECT_EQ(double(columns.at(2)["max"]), 1e21);
  EXPECT_EQ(std::string_view(columns.at(1)["min"]), "");
}

}  // namespace
}  // namespace stedi::segdump
