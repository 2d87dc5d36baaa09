// The join operators over Tables: key normalization, the sort-merge core,
// and gathering the output columns.
#include <algorithm>

#include "engine/join_keys.h"
#include "engine/operators.h"
#include "engine/parallel.h"
#include "engine/sort_merge_join.h"

namespace stedi {

namespace {

Status CheckNoNameClash(const Table& left, const Table& right) {
  for (const Field& f : right.schema().fields()) {
    if (left.schema().Find(f.name)) {
      return Status::InvalidArgument("join output would have two columns named '" + f.name +
                                     "'; rename one side first");
    }
  }
  return Status::OK();
}

std::vector<Column> GatherColumns(const Table& t, std::span<const uint32_t> rows, int threads) {
  std::vector<Column> out(t.num_columns());
  ParallelFor(threads, out.size(), [&](size_t c) { out[c] = t.column(c).Gather(rows); });
  return out;
}

// Semi/anti join on one string key: the right side's strings become a bitmap
// over the LEFT dictionary's codes, then each left row is one lookup.
std::vector<uint8_t> StringKeyMatched(const Column& l, const Column& r) {
  std::vector<uint8_t> used(r.dictionary().size(), 0);
  const int32_t* rc = r.codes().data();
  for (size_t i = 0; i < r.size(); ++i) {
    if (!r.IsNull(i)) used[rc[i]] = 1;
  }
  const bool same = l.shared_dictionary() == r.shared_dictionary();
  std::vector<uint8_t> present(l.dictionary().size(), 0);
  for (size_t code = 0; code < used.size(); ++code) {
    if (!used[code]) continue;
    const int32_t lc = same ? static_cast<int32_t>(code)
                            : l.dictionary().Find(r.dictionary().Get(static_cast<int32_t>(code)));
    if (lc >= 0) present[lc] = 1;
  }
  std::vector<uint8_t> matched(l.size());
  const int32_t* codes = l.codes().data();
  for (size_t i = 0; i < l.size(); ++i) matched[i] = present[codes[i]] && !l.IsNull(i);
  return matched;
}

Result<std::vector<uint8_t>> LeftMatched(const Table& left, const Table& right,
                                         const std::vector<std::string>& left_keys,
                                         const std::vector<std::string>& right_keys, int threads) {
  if (left_keys.size() == 1 && right_keys.size() == 1) {
    STEDI_ASSIGN_OR_RETURN(size_t li, left.ColumnIndex(left_keys[0]));
    STEDI_ASSIGN_OR_RETURN(size_t ri, right.ColumnIndex(right_keys[0]));
    if (left.column(li).type() == TypeId::kString && right.column(ri).type() == TypeId::kString) {
      return StringKeyMatched(left.column(li), right.column(ri));
    }
  }
  STEDI_ASSIGN_OR_RETURN(NormalizedKeys keys,
                         NormalizeJoinKeys(left, right, left_keys, right_keys, threads));
  return SortMergeLeftMatched(keys, threads);
}

}  // namespace

Result<Table> JoinTables(const Table& left, const Table& right,
                         const std::vector<std::string>& left_keys,
                         const std::vector<std::string>& right_keys, JoinType type, int threads,
                         JoinOrder order) {
  if (type != JoinType::kInner) {
    STEDI_ASSIGN_OR_RETURN(std::vector<uint8_t> matched,
                           LeftMatched(left, right, left_keys, right_keys, threads));
    const uint8_t want = type == JoinType::kSemi ? 1 : 0;
    std::vector<uint32_t> rows;
    for (size_t i = 0; i < matched.size(); ++i) {
      if (matched[i] == want) rows.push_back(static_cast<uint32_t>(i));
    }
    if (rows.size() == left.num_rows()) return left;
    return Table::Make(left.schema(), GatherColumns(left, rows, threads));
  }
  STEDI_RETURN_IF_ERROR(CheckNoNameClash(left, right));
  STEDI_ASSIGN_OR_RETURN(NormalizedKeys keys,
                         NormalizeJoinKeys(left, right, left_keys, right_keys, threads));
  JoinPairs pairs = SortMergePairs(keys, threads);
  // Left order keeps a left input clustered by other columns clustered
  // (readings by device, then time, joined on time), so that a writer
  // clustering the output the same way neither sorts nor gathers it again.
  // Not the default: on shuffled 10M-row inputs it made the join 40% slower.
  if (order == JoinOrder::kLeft) OrderPairsByLeft(&pairs, left.num_rows());
  std::vector<Column> cols = GatherColumns(left, pairs.left, threads);
  for (Column& c : GatherColumns(right, pairs.right, threads)) cols.push_back(std::move(c));
  std::vector<Field> fields = left.schema().fields();
  for (const Field& f : right.schema().fields()) fields.push_back(f);
  return Table::Make(Schema(std::move(fields)), std::move(cols));
}

Result<uint64_t> CountJoinMatches(const Table& left, const Table& right,
                                  const std::vector<std::string>& left_keys,
                                  const std::vector<std::string>& right_keys, int threads) {
  STEDI_RETURN_IF_ERROR(CheckNoNameClash(left, right));
  STEDI_ASSIGN_OR_RETURN(NormalizedKeys keys,
                         NormalizeJoinKeys(left, right, left_keys, right_keys, threads));
  return SortMergeCount(keys, threads);
}

}  // namespace stedi
