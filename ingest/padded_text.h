// PaddedText: the text of one input file, in memory, followed by padding.
//
// simdjson reads up to SIMDJSON_PADDING bytes past the end of what it parses;
// keeping that padding after the whole file lets every line be parsed in
// place, without copying it.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace stedi {

class PaddedText {
 public:
  static constexpr size_t kPadding = 64;  // == SIMDJSON_PADDING (checked in the .cc)

  PaddedText() = default;

  const char* data() const { return buf_.get() + begin_; }
  char* mutable_data() { return buf_.get() + begin_; }
  size_t size() const { return size_; }
  std::string_view view() const { return {data(), size_}; }
  // Bytes readable from data(): size() plus the padding.
  size_t capacity() const { return size_ + kPadding; }

  // Sets the size, keeping the first min(n, size()) bytes; new bytes are
  // uninitialized, the padding after them is zeroed. Grows geometrically.
  void Resize(size_t n);
  // Drops the first n bytes (a byte order mark). REQUIRES: n <= size().
  void DropPrefix(size_t n);

 private:
  std::unique_ptr<char[]> buf_;
  size_t begin_ = 0;
  size_t size_ = 0;
  size_t alloc_ = 0;
};

// Reads the file at `path` whole: gzip and zstd data (recognised by their
// magic bytes, whatever the name) are decompressed, and a leading UTF-8 byte
// order mark is dropped. NotFound when the file does not exist; IOError when
// it is a directory or cannot be read; Corruption when compressed data is
// damaged or truncated. Messages name the file.
Result<PaddedText> LoadTextFile(const std::string& path);

}  // namespace stedi
