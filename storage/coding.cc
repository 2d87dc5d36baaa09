#include "storage/coding.h"

namespace stedi {

void PutU8(std::string* dst, uint8_t v) { dst->push_back(static_cast<char>(v)); }

void PutFixed32(std::string* dst, uint32_t v) {
  char buf[4];
  std::memcpy(buf, &v, 4);
  dst->append(buf, 4);
}

void PutFixed64(std::string* dst, uint64_t v) {
  char buf[8];
  std::memcpy(buf, &v, 8);
  dst->append(buf, 8);
}

void PutDouble(std::string* dst, double v) {
  uint64_t bits;
  std::memcpy(&bits, &v, 8);
  PutFixed64(dst, bits);
}

void PutVarint(std::string* dst, uint64_t v) {
  while (v >= 0x80) {
    dst->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  dst->push_back(static_cast<char>(v));
}

void PutLengthPrefixed(std::string* dst, std::string_view bytes) {
  PutVarint(dst, bytes.size());
  dst->append(bytes);
}

size_t VarintLength(uint64_t v) {
  size_t n = 1;
  while (v >= 0x80) {
    v >>= 7;
    ++n;
  }
  return n;
}

bool ByteReader::ReadU8(uint8_t* v) {
  if (remaining() < 1) return false;
  *v = data_[pos_++];
  return true;
}

bool ByteReader::ReadFixed32(uint32_t* v) {
  if (remaining() < 4) return false;
  *v = LoadU32(data_.data() + pos_);
  pos_ += 4;
  return true;
}

bool ByteReader::ReadFixed64(uint64_t* v) {
  if (remaining() < 8) return false;
  *v = LoadU64(data_.data() + pos_);
  pos_ += 8;
  return true;
}

bool ByteReader::ReadI64(int64_t* v) {
  uint64_t u;
  if (!ReadFixed64(&u)) return false;
  *v = static_cast<int64_t>(u);
  return true;
}

bool ByteReader::ReadDouble(double* v) {
  uint64_t u;
  if (!ReadFixed64(&u)) return false;
  std::memcpy(v, &u, 8);
  return true;
}

bool ByteReader::ReadVarint(uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0; shift < 70; shift += 7) {
    uint8_t byte;
    if (!ReadU8(&byte)) return false;
    const uint64_t group = byte & 0x7f;
    // The tenth byte may carry only the top bit of a 64-bit value.
    if (shift == 63 && group > 1) return false;
    result |= group << shift;
    if ((byte & 0x80) == 0) {
      // Non-minimal encodings (a final zero group after the first) are rejected
      // so that every value has exactly one byte sequence.
      if (byte == 0 && shift != 0) return false;
      *v = result;
      return true;
    }
  }
  return false;
}

bool ByteReader::ReadBytes(uint64_t n, std::span<const uint8_t>* out) {
  if (n > remaining()) return false;
  *out = data_.subspan(pos_, n);
  pos_ += n;
  return true;
}

bool ByteReader::ReadLengthPrefixed(std::span<const uint8_t>* out) {
  uint64_t n;
  return ReadVarint(&n) && ReadBytes(n, out);
}

std::span<const uint8_t> ByteReader::Rest() {
  auto rest = data_.subspan(pos_);
  pos_ = data_.size();
  return rest;
}

Status ByteReader::Error(const std::string& what) const {
  return Status::Corruption("offset " + std::to_string(offset()) + ": " + what);
}

}  // namespace stedi
