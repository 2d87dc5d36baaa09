// The input format of segdump_path_fuzzer: segdump options plus a small
// directory tree (files, folders, symlinks) to build before running it.
// fuzz/seed_writer.cc packs real lakes and tables in this format.
//
//   input   := mode:u8 path:u8 table:str8 where:str8 entry*
//   entry   := kind:u8 (0 file, 1 folder, 2 symlink) name:str8 content:str32
//   strN    := length (N-bit little-endian) then that many bytes
//
// mode % 5 is segdump::Mode, bit 3 --json, bit 4 --row-groups. path 0 names
// the tree's root, k the name of entry k-1, anything past the entries a
// path that does not exist. A symlink's content is its target.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace stedi::fuzz {

struct TreeEntry {
  uint8_t kind = 0;
  std::string name;     // relative to the root
  std::string content;  // file bytes or symlink target
};

struct TreeInput {
  uint8_t mode = 0;
  uint8_t path = 0;
  std::string table;
  std::string where;
  std::vector<TreeEntry> entries;
};

inline constexpr uint8_t kTreeFile = 0;
inline constexpr uint8_t kTreeFolder = 1;
inline constexpr uint8_t kTreeSymlink = 2;

// Stops at the first truncated entry (the entries before it are kept).
inline TreeInput ParseTreeInput(std::span<const uint8_t> in) {
  TreeInput t;
  size_t pos = 0;
  auto take = [&](size_t len_bytes, std::string* out) {
    if (in.size() - pos < len_bytes) return false;
    size_t len = 0;
    for (size_t i = 0; i < len_bytes; ++i) len |= size_t{in[pos + i]} << (8 * i);
    pos += len_bytes;
    if (in.size() - pos < len) return false;
    out->assign(reinterpret_cast<const char*>(in.data() + pos), len);
    pos += len;
    return true;
  };
  if (in.size() < 2) return t;
  t.mode = in[0];
  t.path = in[1];
  pos = 2;
  if (!take(1, &t.table) || !take(1, &t.where)) return t;
  while (pos < in.size()) {
    TreeEntry e;
    e.kind = in[pos++];
    if (!take(1, &e.name) || !take(4, &e.content)) break;
    t.entries.push_back(std::move(e));
  }
  return t;
}

inline std::string SerializeTreeInput(const TreeInput& t) {
  std::string out;
  auto put = [&](size_t len_bytes, std::string_view s) {
    for (size_t i = 0; i < len_bytes; ++i) out.push_back(static_cast<char>(s.size() >> (8 * i)));
    out.append(s);
  };
  out.push_back(static_cast<char>(t.mode));
  out.push_back(static_cast<char>(t.path));
  put(1, t.table);
  put(1, t.where);
  for (const TreeEntry& e : t.entries) {
    out.push_back(static_cast<char>(e.kind));
    put(1, e.name);
    put(4, e.content);
  }
  return out;
}

// A relative path that stays inside the root: not empty, not absolute, no
// ".." component and no NUL byte.
inline bool StaysInside(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.find('\0') != std::string_view::npos)
    return false;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t end = std::min(path.find('/', start), path.size());
    if (path.substr(start, end - start) == "..") return false;
    start = end + 1;
  }
  return true;
}

}  // namespace stedi::fuzz
