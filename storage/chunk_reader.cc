#include "storage/chunk_reader.h"

#include <xxhash.h>

#include <cassert>
#include <cstdint>
#include <limits>
#include <vector>

#include "storage/coding.h"
#include "storage/encoding.h"

namespace stedi {
namespace {

Status Corrupt(uint64_t offset, const std::string& what) {
  return Status::Corruption("offset " + std::to_string(offset) + ": " + what);
}

// Narrows decoded int64 values into T, rejecting values T cannot hold.
template <typename T>
Status Narrow(const std::vector<int64_t>& wide, int64_t lo, int64_t hi, uint64_t offset, T* out) {
  bool bad = false;
  for (size_t i = 0; i < wide.size(); ++i) {
    bad |= wide[i] < lo || wide[i] > hi;
    out[i] = static_cast<T>(wide[i]);
  }
  return bad ? Corrupt(offset, "decoded value out of range for the column type") : Status::OK();
}

// Decodes `n` non-null values of the column's type into dst[0..n).
Status DecodeDense(ByteReader block, size_t n, Column* col, void* dst) {
  const uint64_t at = block.base();
  switch (col->type()) {
    case TypeId::kInt64:
    case TypeId::kTimestamp:
      return DecodeInts(block, n, static_cast<int64_t*>(dst));
    case TypeId::kDouble:
      return DecodeDoubles(block, n, static_cast<double*>(dst));
    case TypeId::kString:
      return DecodeStrings(block, n, &col->mutable_dictionary(), static_cast<int32_t*>(dst));
    case TypeId::kInt32:
    case TypeId::kBool: {
      std::vector<int64_t> wide(n);
      STEDI_RETURN_IF_ERROR(DecodeInts(block, n, wide.data()));
      if (col->type() == TypeId::kBool) return Narrow(wide, 0, 1, at, static_cast<uint8_t*>(dst));
      return Narrow(wide, std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max(),
                    at, static_cast<int32_t*>(dst));
    }
  }
  return Corrupt(at, "unknown column type");
}

// Spreads dense values out to the valid rows; null slots get 0.
template <typename T>
void Scatter(const std::vector<int64_t>& valid, T* dst) {
  size_t dense = 0;
  for (size_t i = 0; i < valid.size(); ++i) dense += valid[i];
  for (size_t i = valid.size(); i-- > 0;) dst[i] = valid[i] ? dst[--dense] : T{};
}

Status ReadValidity(ByteReader& in, uint64_t rows, uint64_t null_count,
                    std::vector<int64_t>* valid) {
  std::span<const uint8_t> block;
  const uint64_t at = in.offset();
  if (!in.ReadLengthPrefixed(&block)) return in.Error("validity block truncated");
  valid->resize(rows);
  STEDI_RETURN_IF_ERROR(
      DecodeInts(ByteReader(block, in.offset() - block.size()), rows, valid->data()));
  uint64_t nulls = 0;
  bool bad = false;
  for (int64_t v : *valid) {
    bad |= static_cast<uint64_t>(v) > 1;
    nulls += v == 0;
  }
  if (bad || nulls != null_count) {
    return Corrupt(at,
                   "validity block disagrees with the null count " + std::to_string(null_count));
  }
  return Status::OK();
}

}  // namespace

Status DecodeChunk(std::span<const uint8_t> bytes, uint64_t offset, const ChunkMeta& meta,
                   uint64_t rows, Column* out) {
  assert(bytes.size() == meta.stored_bytes);
  if (XXH3_64bits(bytes.data(), bytes.size()) != meta.checksum) {
    return Corrupt(offset, "column chunk checksum mismatch");
  }
  ByteReader in(bytes, offset);
  std::vector<int64_t> valid;
  const bool partial = meta.null_count > 0 && meta.null_count < rows;
  if (partial) STEDI_RETURN_IF_ERROR(ReadValidity(in, rows, meta.null_count, &valid));
  const size_t dense = rows - meta.null_count;
  const size_t old = out->size();
  Status st = VisitPhysical(out->type(), [&](auto t) -> Status {
    using T = decltype(t);
    std::vector<T>& data = out->data<T>();
    data.resize(old + rows);
    T* dst = data.data() + old;
    if (dense > 0) {
      const uint64_t at = in.offset();
      STEDI_RETURN_IF_ERROR(DecodeDense(ByteReader(in.Rest(), at), dense, out, dst));
    }
    if (partial) Scatter(valid, dst);
    return Status::OK();
  });
  STEDI_RETURN_IF_ERROR(st);
  Validity& validity = out->mutable_validity();
  if (partial) {
    for (int64_t v : valid) validity.Append(v != 0);
  } else if (meta.null_count == rows) {
    for (uint64_t i = 0; i < rows; ++i) validity.Append(false);
  } else {
    validity.AppendValid(rows);
  }
  return Status::OK();
}

}  // namespace stedi
