// Fuzzes every encoding's decoder directly, and encode-then-decode round
// trips of every stream kind.
//
// Input: control byte, two bytes of value count n (little-endian), then the
// block. control % 10 picks the operation:
//   0, 1  the registry's int / double codecs by index (byte 3 picks one),
//         over the rest as a block body
//   2..5  DecodeInts / DecodeDoubles / DecodeStrings / DecodeBytes of a block
//   6..9  the rest as int64s / doubles / strings / bytes: encoded (the
//         writer's choice) then decoded, which must give them back exactly
// Decoders must return values or a Corruption status for any bytes.
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "fuzz/fuzz_temp_dir.h"
#include "storage/encoding.h"
#include "storage/encodings/codec.h"

namespace {

using stedi::ByteReader;
using stedi::fuzz::Check;

void CheckFailure(const stedi::Status& s) {
  Check(s.ok() || s.code() == stedi::Status::Code::kCorruption, "decoders fail with Corruption");
}

void DecodeWithCodec(int kind, uint8_t index, std::span<const uint8_t> body, size_t n) {
  ByteReader reader(body);
  if (kind == 0) {
    auto codecs = stedi::IntCodecs();
    std::vector<int64_t> out(n);
    CheckFailure(codecs[index % codecs.size()].decode(reader, n, out.data(), {}));
  } else {
    auto codecs = stedi::DoubleCodecs();
    std::vector<double> out(n);
    CheckFailure(codecs[index % codecs.size()].decode(reader, n, out.data(), {}));
  }
}

void DecodeBlock(int kind, std::span<const uint8_t> block, size_t n) {
  ByteReader reader(block);
  if (kind == 2) {
    std::vector<int64_t> out(n);
    CheckFailure(stedi::DecodeInts(reader, n, out.data()));
  } else if (kind == 3) {
    std::vector<double> out(n);
    CheckFailure(stedi::DecodeDoubles(reader, n, out.data()));
  } else if (kind == 4) {
    stedi::StringDictionary dict;
    dict.Intern("already here");  // decoding must intern into a non-empty dictionary too
    std::vector<int32_t> codes(n);
    stedi::Status s = stedi::DecodeStrings(reader, n, &dict, codes.data());
    CheckFailure(s);
    if (s.ok()) {
      for (int32_t c : codes)
        Check(c >= 0 && static_cast<size_t>(c) < dict.size(), "codes index the dictionary");
    }
  } else {
    std::string out;
    stedi::Status s = stedi::DecodeBytes(reader, n, &out);
    CheckFailure(s);
    if (s.ok()) Check(out.size() == n, "DecodeBytes gives exactly n bytes");
  }
}

template <typename T>
std::vector<T> AsValues(std::span<const uint8_t> bytes) {
  std::vector<T> v(bytes.size() / sizeof(T));
  if (!v.empty()) std::memcpy(v.data(), bytes.data(), v.size() * sizeof(T));
  return v;
}

ByteReader ReaderOf(const std::string& bytes) {
  return ByteReader({reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()});
}

void RoundTrip(int kind, std::span<const uint8_t> data, const stedi::EncodeContext& ctx) {
  if (kind == 6) {
    const auto values = AsValues<int64_t>(data);
    const stedi::Encoded e = stedi::EncodeInts(values, ctx);
    std::vector<int64_t> back(values.size());
    Check(stedi::DecodeInts(ReaderOf(e.bytes), values.size(), back.data()).ok(), "ints decode");
    Check(back == values, "ints round-trip");
  } else if (kind == 7) {
    const auto values = AsValues<double>(data);
    const stedi::Encoded e = stedi::EncodeDoubles(values, ctx);
    std::vector<double> back(values.size());
    Check(stedi::DecodeDoubles(ReaderOf(e.bytes), values.size(), back.data()).ok(),
          "doubles decode");
    Check(values.empty() || std::memcmp(back.data(), values.data(), values.size() * 8) == 0,
          "doubles round-trip bit for bit");
  } else if (kind == 8) {
    stedi::StringDictionary dict;
    std::vector<int32_t> codes;
    std::string_view rest(reinterpret_cast<const char*>(data.data()), data.size());
    while (!rest.empty()) {  // strings separated by ','
      const size_t cut = std::min(rest.find(','), rest.size());
      codes.push_back(dict.Intern(rest.substr(0, cut)));
      rest.remove_prefix(std::min(cut + 1, rest.size()));
    }
    const stedi::Encoded e = stedi::EncodeStrings(codes, dict, ctx);
    stedi::StringDictionary out;
    std::vector<int32_t> back(codes.size());
    Check(stedi::DecodeStrings(ReaderOf(e.bytes), codes.size(), &out, back.data()).ok(),
          "strings decode");
    for (size_t i = 0; i < codes.size(); ++i)
      Check(out.Get(back[i]) == dict.Get(codes[i]), "strings round-trip");
  } else {
    const stedi::Encoded e = stedi::EncodeBytes(data, ctx);
    std::string back;
    Check(stedi::DecodeBytes(ReaderOf(e.bytes), data.size(), &back).ok(), "bytes decode");
    Check(back.size() == data.size() && std::memcmp(back.data(), data.data(), data.size()) == 0,
          "bytes round-trip");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 4 || size > (size_t{1} << 16)) return 0;
  const int kind = data[0] % 10;
  const size_t n = data[1] | (size_t{data[2]} << 8);
  std::span<const uint8_t> rest(data + 3, size - 3);
  if (kind <= 1) {
    DecodeWithCodec(kind, rest[0], rest.subspan(1), n);
  } else if (kind <= 5) {
    DecodeBlock(kind, rest, n);
  } else {
    stedi::EncodeContext ctx;
    ctx.zstd_level = 1 + data[1] % 3;  // cheap levels: the round trip is what is checked
    ctx.dictionary_zstd_level = ctx.zstd_level;
    ctx.depth = 1 + data[2] % 3;
    RoundTrip(kind, rest, ctx);
  }
  return 0;
}
