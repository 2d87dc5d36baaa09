// Fuzzes segdump's path handling: builds a small directory tree from the
// input (fuzz/fuzz_tree.h) and runs segdump over a path in it, with a mode,
// --table and --where from the input. Whatever the tree holds (stray files,
// damaged segments and catalogs, folders where files belong, symlink
// loops), segdump must return a Status with one of its exit codes.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "fuzz/fuzz_temp_dir.h"
#include "fuzz/fuzz_tree.h"
#include "tools/segdump/segdump.h"

namespace {

namespace fs = std::filesystem;
using stedi::fuzz::TreeInput;

constexpr size_t kMaxEntries = 16;

// Builds what it can; entries that cannot be made (a file under a file)
// are left out, as they would be missing on a real disk.
void BuildTree(const TreeInput& t, const fs::path& root) {
  std::error_code ec;
  fs::remove_all(root, ec);
  fs::create_directories(root);
  for (size_t i = 0; i < t.entries.size() && i < kMaxEntries; ++i) {
    const stedi::fuzz::TreeEntry& e = t.entries[i];
    if (!stedi::fuzz::StaysInside(e.name)) continue;
    const fs::path p = root / e.name;
    fs::create_directories(p.parent_path(), ec);
    if (e.kind == stedi::fuzz::kTreeFolder) {
      fs::create_directories(p, ec);
    } else if (e.kind == stedi::fuzz::kTreeSymlink) {
      if (stedi::fuzz::StaysInside(e.content)) fs::create_symlink(e.content, p, ec);
    } else {
      std::ofstream(p, std::ios::binary | std::ios::trunc)
          .write(e.content.data(), static_cast<std::streamsize>(e.content.size()));
    }
  }
}

stedi::segdump::Options OptionsFor(const TreeInput& t, const fs::path& root) {
  using stedi::segdump::Mode;
  static constexpr Mode kModes[] = {Mode::kMetadata, Mode::kSchema, Mode::kDdl, Mode::kRows,
                                    Mode::kVerify};
  stedi::segdump::Options o;
  o.mode = kModes[t.mode % 5];
  o.json = (t.mode & 8) != 0;
  o.row_groups = (t.mode & 16) != 0;
  if (o.mode == Mode::kRows) o.head = 20;
  o.table = t.table;
  if (!t.where.empty()) o.where.push_back(t.where);
  if (t.path == 0) {
    o.path = root.string();
  } else if (t.path <= t.entries.size()) {
    o.path = (root / t.entries[t.path - 1].name).string();
  } else {
    o.path = (root / "does-not-exist").string();
  }
  return o;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (size_t{1} << 20)) return 0;
  const TreeInput t = stedi::fuzz::ParseTreeInput({data, size});
  const fs::path root = stedi::fuzz::FuzzTempDir() / "tree";
  BuildTree(t, root);
  std::ostringstream out, err;
  const stedi::Status s = stedi::segdump::Run(OptionsFor(t, root), out, err);
  const int code = stedi::segdump::ExitCodeFor(s);
  stedi::fuzz::Check(code >= 0 && code <= 3, "segdump returns one of its exit codes");
  stedi::fuzz::Check(s.ok() == (code == 0), "exit code 0 exactly when segdump succeeds");
  return 0;
}
