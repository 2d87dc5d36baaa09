// Fuzzes the segment reader: open a segment file, parse its footer, decode
// every column chunk (every encoding the chunks name) and verify it.
//
// Input: one control byte, then the file's bytes. With control bit 0 set the
// harness first repairs the checksums (footer, then every chunk the footer
// places inside the file) so that mutated chunk and footer bytes reach the
// decoders instead of stopping at a checksum mismatch. Aborts when a chunk
// decodes to the wrong row count or null count, or when Verify() disagrees
// with reading every chunk.
#include <xxhash.h>

#include <cstdint>
#include <string>

#include "fuzz/fuzz_temp_dir.h"
#include "storage/coding.h"
#include "storage/footer.h"
#include "storage/segment_reader.h"

namespace {

using stedi::fuzz::Check;

void PutTail(std::string* file, const std::string& footer) {
  stedi::PutFixed32(file, static_cast<uint32_t>(footer.size()));
  stedi::PutFixed64(file, XXH3_64bits(footer.data(), footer.size()));
  stedi::PutFixed32(file, stedi::kFormatVersion);
  file->append(stedi::kSegmentMagic, sizeof(stedi::kSegmentMagic));
}

// Recomputes the footer checksum and the chunk checksums the footer holds.
void RepairChecksums(std::string* file) {
  const size_t size = file->size();
  if (size < stedi::kHeaderSize + stedi::kTailSize) return;
  const auto* bytes = reinterpret_cast<const uint8_t*>(file->data());
  const uint64_t tail = size - stedi::kTailSize;
  const uint32_t footer_bytes = stedi::LoadU32(bytes + tail);
  if (footer_bytes > tail - stedi::kHeaderSize) return;
  const uint64_t footer_offset = tail - footer_bytes;
  std::string footer = file->substr(footer_offset, footer_bytes);
  auto meta =
      stedi::ParseFooter({bytes + footer_offset, footer_bytes}, footer_offset, footer_offset);
  if (meta.ok()) {
    for (stedi::RowGroupMeta& rg : meta->row_groups) {
      for (stedi::ChunkMeta& c : rg.columns) {
        c.checksum =
            XXH3_64bits(bytes + c.offset, c.stored_bytes);  // in range: ParseFooter checked
      }
    }
    footer = stedi::SerializeFooter(*meta);
  }
  std::string repaired = file->substr(0, footer_offset) + footer;
  PutTail(&repaired, footer);
  *file = std::move(repaired);
}

void ReadEverything(const stedi::SegmentReader& reader) {
  const stedi::Schema& schema = reader.schema();
  bool all_ok = true;
  for (size_t c = 0; c < schema.size(); ++c) {
    stedi::Column whole(schema.field(c).type);
    bool column_ok = true;
    for (size_t g = 0; g < reader.num_row_groups(); ++g) {
      const uint64_t rows = reader.metadata().row_groups[g].rows;
      auto chunk = reader.ReadColumnChunk(g, c);
      if (!chunk.ok()) {
        all_ok = column_ok = false;
        continue;
      }
      Check(chunk->size() == rows, "a chunk decodes to its row group's rows");
      Check(chunk->null_count() == reader.chunk(g, c).null_count, "a chunk has its footer's nulls");
      if (column_ok) {  // appending to earlier rows (strings: a shared dictionary)
        Check(reader.AppendColumnChunk(g, c, &whole).ok(),
              "AppendColumnChunk decodes what ReadColumnChunk decodes");
      }
    }
    if (column_ok) Check(whole.size() == reader.metadata().rows(), "chunks append to every row");
  }
  Check(reader.Verify().ok() == all_ok, "Verify() passes exactly when every chunk reads");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > (size_t{1} << 20)) return 0;
  std::string file(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 1) RepairChecksums(&file);
  const auto path = stedi::fuzz::FuzzTempDir() / "seg-000000.sds";
  stedi::fuzz::WriteFileOrDie(path, file);
  auto reader = stedi::SegmentReader::Open(path.string());
  if (reader.ok()) ReadEverything(**reader);
  return 0;
}
