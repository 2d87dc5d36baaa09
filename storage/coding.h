// Little-endian fixed-width and varint coding, and a bounds-checked reader.
//
// Every multi-byte number in a segment file is little-endian. Varints are
// unsigned LEB128 (7 bits per byte, low group first, high bit = more), at most
// 10 bytes, and must be minimal (no trailing 0x80 groups) so each value has one
// encoding. ByteReader never reads past its span: every Read* returns false
// instead, and Error() builds a Corruption status naming the absolute offset.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

#include "core/status.h"

namespace stedi {

void PutU8(std::string* dst, uint8_t v);
void PutFixed32(std::string* dst, uint32_t v);
void PutFixed64(std::string* dst, uint64_t v);
void PutDouble(std::string* dst, double v);
void PutVarint(std::string* dst, uint64_t v);
// Varint length followed by the bytes.
void PutLengthPrefixed(std::string* dst, std::string_view bytes);
size_t VarintLength(uint64_t v);

inline uint64_t LoadU64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;  // the formats are little-endian and so are all supported hosts
}
inline uint32_t LoadU32(const uint8_t* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

class ByteReader {
 public:
  // `base` is the absolute offset of data[0], used only in error messages.
  explicit ByteReader(std::span<const uint8_t> data, uint64_t base = 0)
      : data_(data), base_(base) {}

  size_t pos() const { return pos_; }
  size_t remaining() const { return data_.size() - pos_; }
  uint64_t offset() const { return base_ + pos_; }
  uint64_t base() const { return base_; }

  bool ReadU8(uint8_t* v);
  bool ReadFixed32(uint32_t* v);
  bool ReadFixed64(uint64_t* v);
  bool ReadI64(int64_t* v);
  bool ReadDouble(double* v);
  bool ReadVarint(uint64_t* v);
  // The next n bytes (n <= remaining()).
  bool ReadBytes(uint64_t n, std::span<const uint8_t>* out);
  // A varint length then that many bytes.
  bool ReadLengthPrefixed(std::span<const uint8_t>* out);
  // Everything not yet read.
  std::span<const uint8_t> Rest();

  // Corruption("offset <absolute offset>: <what>").
  Status Error(const std::string& what) const;

 private:
  std::span<const uint8_t> data_;
  uint64_t base_;
  size_t pos_ = 0;
};

}  // namespace stedi
