#include "storage/chunk_writer.h"

#include <xxhash.h>

#include <algorithm>
#include <cassert>
#include <cstring>
#include <vector>

#include "storage/column_stats.h"

namespace stedi {
namespace {

size_t PhysicalWidth(TypeId type) {
  switch (type) {
    case TypeId::kBool:
      return 1;
    case TypeId::kInt32:
    case TypeId::kString:
      return 4;
    default:
      return 8;
  }
}

// The non-null values of rows [begin, end) as T (widened when T differs).
template <typename T, typename Src>
std::vector<T> Dense(const Column& column, size_t begin, size_t end) {
  const std::vector<Src>& src = column.data<Src>();
  std::vector<T> out;
  if (column.validity().all_valid()) {  // one converting copy, no per-row test
    out.assign(src.begin() + static_cast<ptrdiff_t>(begin),
               src.begin() + static_cast<ptrdiff_t>(end));
    return out;
  }
  out.reserve(end - begin);
  for (size_t i = begin; i < end; ++i) {
    if (!column.IsNull(i)) out.push_back(static_cast<T>(src[i]));
  }
  return out;
}

// The plain size of the values a tree encodes (a zstd root's is its child's).
uint64_t PlainBytes(const EncodeNode& node) {
  if (node.id == EncodingId::kZstd && !node.children.empty()) return node.children[0].bytes_in;
  return node.bytes_in;
}

// Encodes one stream, following `plan` when it is not empty. A followed
// encoding more than kReplanRatio times the plan's bytes per input byte
// means the values changed character: choose afresh, keep the smaller.
constexpr double kReplanRatio = 1.25;

template <typename Fn>
Encoded EncodeStream(Fn&& encode, const EncodeNode* plan, const EncodeContext& ctx) {
  if (plan == nullptr || PlainBytes(*plan) == 0) {
    return EncodeTopLevel(encode, ctx);
  }
  EncodeContext follow = ctx;
  follow.plan = plan;
  Encoded e = EncodeTopLevel(encode, follow);
  const double planned =
      static_cast<double>(plan->bytes_out) / static_cast<double>(PlainBytes(*plan));
  const double got = static_cast<double>(e.bytes.size()) /
                     static_cast<double>(std::max<uint64_t>(PlainBytes(e.node), 1));
  if (got <= planned * kReplanRatio || e.bytes.size() < 64) return e;
  Encoded fresh = EncodeTopLevel(encode, ctx);
  return fresh.bytes.size() < e.bytes.size() ? fresh : e;
}

Encoded EncodeValues(const Column& column, size_t begin, size_t end, const EncodeNode* plan,
                     const EncodeContext& ctx) {
  const bool no_nulls = column.validity().all_valid();
  switch (column.type()) {
    case TypeId::kBool: {
      auto v = Dense<int64_t, uint8_t>(column, begin, end);
      return EncodeStream([&](const EncodeContext& c) { return EncodeInts(v, c); }, plan, ctx);
    }
    case TypeId::kInt32: {
      auto v = Dense<int64_t, int32_t>(column, begin, end);
      return EncodeStream([&](const EncodeContext& c) { return EncodeInts(v, c); }, plan, ctx);
    }
    case TypeId::kInt64:
    case TypeId::kTimestamp: {
      std::vector<int64_t> copy;
      if (!no_nulls) copy = Dense<int64_t, int64_t>(column, begin, end);
      std::span<const int64_t> v =
          no_nulls ? std::span<const int64_t>(column.data<int64_t>()).subspan(begin, end - begin)
                   : std::span<const int64_t>(copy);
      return EncodeStream([&](const EncodeContext& c) { return EncodeInts(v, c); }, plan, ctx);
    }
    case TypeId::kDouble: {
      auto v = Dense<double, double>(column, begin, end);
      return EncodeStream([&](const EncodeContext& c) { return EncodeDoubles(v, c); }, plan, ctx);
    }
    case TypeId::kString: {
      auto v = Dense<int32_t, int32_t>(column, begin, end);
      return EncodeStream(
          [&](const EncodeContext& c) { return EncodeStrings(v, column.dictionary(), c); }, plan,
          ctx);
    }
  }
  assert(false);
  return {};
}

uint64_t RawBytes(const Column& column, size_t begin, size_t end, uint64_t null_count) {
  const uint64_t rows = end - begin;
  uint64_t bytes = null_count ? (rows + 7) / 8 : 0;
  if (column.type() != TypeId::kString)
    return bytes + (rows - null_count) * PhysicalWidth(column.type());
  for (size_t i = begin; i < end; ++i) {
    if (!column.IsNull(i)) bytes += column.GetString(i).size();
  }
  return bytes;
}

// Runs of equal neighbouring values per row (string codes, raw bits; null
// rows compare whatever their slot holds). A cheap pass, and what most
// separates one stream's best encoding from another's: rle, delta and
// dictionary codes feed on runs, and a join that repeats rows multiplies them.
double RunShare(const Column& column, size_t begin, size_t end) {
  size_t runs = 0;
  VisitPhysical(column.type(), [&](auto t) {
    using T = decltype(t);
    const T* v = column.data<T>().data();
    runs = 1;
    for (size_t i = begin + 1; i < end; ++i) {
      runs += std::memcmp(&v[i], &v[i - 1], sizeof(T)) != 0;
    }
  });
  return static_cast<double>(runs) / static_cast<double>(end - begin);
}

// Runs per row that differ by this little are no change (a handful of runs).
constexpr double kRunsSlack = 0.001;

// True when a plan made for values with `planned` runs per row may be
// followed by values with `actual`: within a factor of kReplanRatio.
bool SimilarRuns(double planned, double actual) {
  return actual <= planned * kReplanRatio + kRunsSlack &&
         planned <= actual * kReplanRatio + kRunsSlack;
}

// Rows repeated since the plan was made (a join's output): the values have
// clearly fewer runs per row than the plan's, and at most one run per two
// rows, where run-length encoding pays (rle's own rule; above it, runs
// forced on a plan made blocks up to 20% larger than choosing afresh).
bool RepeatedRows(double planned, double actual) {
  return actual * kReplanRatio + kRunsSlack < planned && actual <= 0.5;
}

// `node` (an int stream's tree) preceded by run-length encoding, unless it
// already is rle or a constant: the repeats become run lengths, and the run
// values are the plan's kind of stream again. An rle node without a lengths
// child leaves the lengths' encoding to the choice.
EncodeNode InRuns(const EncodeNode& node) {
  if (node.id == EncodingId::kRle || node.id == EncodingId::kConstant) return node;
  EncodeNode rle;
  rle.id = EncodingId::kRle;
  rle.children.push_back(node);
  return rle;
}

// A plan for values of `type` whose rows were repeated, made from `values`
// (the plan for the rows before): the int stream (a string dictionary's
// codes) in runs. An int stream goes under zstd too (kept only where that
// makes the block smaller: the runs may make it pay); a string dictionary
// keeps the plan's choice, since under zstd its entries would stay plain.
// Choosing afresh for a join's repeated rows cost a third of a small
// build's final write. False for doubles: they choose afresh.
bool PlanForRepeatedRows(const EncodeNode& values, TypeId type, EncodeNode* out) {
  if (type == TypeId::kDouble) return false;
  const bool zipped = values.id == EncodingId::kZstd && !values.children.empty();
  EncodeNode inner = zipped ? values.children[0] : values;
  if (type == TypeId::kString) {
    if (inner.id != EncodingId::kDictionary || inner.children.size() != 3) return false;
    inner.children[2] = InRuns(inner.children[2]);
  } else {
    inner = InRuns(inner);
  }
  inner.bytes_in = PlainBytes(values);  // so EncodeStream can judge the result per byte
  if (type == TypeId::kString && !zipped) {
    inner.bytes_out = values.bytes_out;
    *out = std::move(inner);
    return true;
  }
  EncodeNode z;
  z.id = EncodingId::kZstd;
  z.bytes_in = inner.bytes_in;
  z.bytes_out = values.bytes_out;
  z.children.push_back(std::move(inner));
  *out = std::move(z);
  return true;
}

// EncodeChunk with ctx.zstd_sizes set.
EncodedChunk EncodeChunkWith(const Column& column, size_t begin, size_t end,
                             const EncodeContext& ctx, const ChunkPlan* plan) {
  EncodedChunk out;
  ChunkMeta& meta = out.meta;
  ChunkStats stats = ComputeChunkStats(column, begin, end);
  const uint64_t rows = end - begin;
  meta.null_count = stats.null_count;
  meta.has_min_max = stats.has_min_max;
  meta.min = std::move(stats.min);
  meta.max = std::move(stats.max);
  meta.raw_bytes = RawBytes(column, begin, end, meta.null_count);
  if (meta.null_count > 0 && meta.null_count < rows) {
    std::vector<int64_t> valid(rows);
    for (size_t i = begin; i < end; ++i) valid[i - begin] = column.IsNull(i) ? 0 : 1;
    Encoded v = EncodeStream([&](const EncodeContext& c) { return EncodeInts(valid, c); },
                             plan ? &plan->validity : nullptr, ctx);
    PutLengthPrefixed(&out.bytes, v.bytes);
    meta.validity_steps = FlattenSteps(v.node);
    out.plan.validity = std::move(v.node);
  }
  if (meta.null_count < rows) {
    out.plan.value_runs = RunShare(column, begin, end);
    const EncodeNode* values_plan = nullptr;
    EncodeNode repeated;
    if (plan != nullptr && SimilarRuns(plan->value_runs, out.plan.value_runs)) {
      values_plan = &plan->values;
    } else if (plan != nullptr && RepeatedRows(plan->value_runs, out.plan.value_runs) &&
               PlanForRepeatedRows(plan->values, column.type(), &repeated)) {
      values_plan = &repeated;
    }
    Encoded v = EncodeValues(column, begin, end, values_plan, ctx);
    out.bytes += v.bytes;
    meta.value_steps = FlattenSteps(v.node);
    out.plan.values = std::move(v.node);
  }
  meta.stored_bytes = out.bytes.size();
  meta.checksum = XXH3_64bits(out.bytes.data(), out.bytes.size());
  return out;
}

}  // namespace

bool FollowsPlan(const Column& column, size_t begin, size_t end, const ChunkPlan& plan) {
  assert(begin < end && end <= column.size());
  return SimilarRuns(plan.value_runs, RunShare(column, begin, end));
}

EncodedChunk EncodeChunk(const Column& column, size_t begin, size_t end, const EncodeContext& ctx,
                         const ChunkPlan* plan) {
  assert(begin < end && end <= column.size());
  ZstdSizeMemo zstd_sizes;
  EncodeContext memo_ctx = ctx;
  if (memo_ctx.zstd_sizes == nullptr) memo_ctx.zstd_sizes = &zstd_sizes;
  return EncodeChunkWith(column, begin, end, memo_ctx, plan);
}

}  // namespace stedi
