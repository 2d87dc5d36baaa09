#include "storage/table_writer.h"

#include <xxhash.h>

#include <set>

#include "storage/encoding.h"
#include "storage/file_util.h"
#include "storage/row_sort.h"
#include "storage/segment_format.h"
#include "storage/segment_writer.h"

namespace stedi {
namespace {

Status ValidateOptions(const Table& table, const WriteOptions& options) {
  if (options.row_group_rows == 0 || options.row_group_rows > kMaxBlockValues) {
    return Status::InvalidArgument("row_group_rows must be in [1, " +
                                   std::to_string(kMaxBlockValues) + "]");
  }
  if (options.segment_max_rows == 0) {
    return Status::InvalidArgument("segment_max_rows must be at least 1");
  }
  for (int level : {options.zstd_level, options.dictionary_zstd_level}) {
    if (level < 1 || level > 22) return Status::InvalidArgument("zstd levels must be in [1, 22]");
  }
  if (options.threads < 0) return Status::InvalidArgument("threads must be >= 0");
  if (table.num_rows() > UINT32_MAX) {
    return Status::InvalidArgument("tables of more than 2^32-1 rows are not supported");
  }
  std::set<std::string> names;
  for (const Field& f : table.schema().fields()) {
    if (!names.insert(f.name).second) {
      return Status::InvalidArgument("duplicate column name '" + f.name + "'");
    }
  }
  for (size_t c = 0; c < table.num_columns(); ++c) {
    if (!table.schema().field(c).nullable && table.column(c).null_count() > 0) {
      return Status::InvalidArgument("column '" + table.schema().field(c).name +
                                     "' is not nullable but holds nulls");
    }
  }
  return Status::OK();
}

bool IsSegmentOrTemp(const std::string& name) {
  return IsSegmentFileName(name) ||
         (name.ends_with(".tmp") && IsSegmentFileName(name.substr(0, name.size() - 4)));
}

}  // namespace

Result<TableWriteInfo> WriteTable(const Table& table, const std::string& dir,
                                  const WriteOptions& options) {
  STEDI_RETURN_IF_ERROR(ValidateOptions(table, options));
  std::vector<uint32_t> perm;
  if (!options.sort_by.empty()) {
    // Empty for input already in clustering order (a filter of a clustered
    // table): it is written as it is, without a copy.
    STEDI_ASSIGN_OR_RETURN(perm, SortPermutation(table, options.sort_by));
  }
  STEDI_RETURN_IF_ERROR(CreateDirs(dir));
  STEDI_ASSIGN_OR_RETURN(std::vector<std::string> old_files, ListDir(dir, IsSegmentOrTemp));

  // Whole row groups per segment, at least one.
  const size_t groups = std::max<size_t>(1, options.segment_max_rows / options.row_group_rows);
  const size_t segment_rows = groups * options.row_group_rows;
  TableWriteInfo info;
  std::set<std::string> written;
  // Segments after the first follow the first one's choices, as its row
  // groups after the first do: they are the same table's values.
  WriteOptions later = options;
  if (options.reuse_choices) later.follow = &info.plans;
  size_t begin = 0;
  do {
    const size_t end = std::min(table.num_rows(), begin + segment_rows);
    // Sorted rows are gathered one segment at a time: a copy of one segment,
    // not of the whole table, lives beside the input.
    const bool first = info.files.empty();
    EncodingPlans* plans = first ? &info.plans : nullptr;
    const WriteOptions& segment_options = first ? options : later;
    const std::string bytes =
        perm.empty()
            ? EncodeSegment(table, begin, end, segment_options, plans)
            : EncodeSegment(
                  table.Gather(std::span<const uint32_t>(perm).subspan(begin, end - begin)), 0,
                  end - begin, segment_options, plans);
    SegmentFileInfo file{SegmentFileName(info.files.size()), bytes.size(), end - begin,
                         XXH3_64bits(bytes.data(), bytes.size())};
    STEDI_RETURN_IF_ERROR(WriteFileAtomically(dir, file.name, bytes, options.sync));
    written.insert(file.name);
    info.rows += file.rows;
    info.bytes += file.bytes;
    info.files.push_back(std::move(file));
    begin = end;
  } while (begin < table.num_rows());

  for (const std::string& name : old_files) {
    if (!written.count(name)) STEDI_RETURN_IF_ERROR(RemoveFile(dir + "/" + name));
  }
  return info;
}

}  // namespace stedi
