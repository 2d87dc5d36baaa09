// Test helpers: temporary folders and the shared real data's location.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace stedi::testing {

// A fresh folder under the system temp dir, removed when the object dies.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "stedi-test-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data()) ? tmpl : std::string();
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// ../shared/stedi beside the repository, or "" when absent (a user's machine).
inline std::string RealLandingDir() {
  std::string dir = std::string(STEDI_SOURCE_DIR) + "/../shared/stedi";
  return std::filesystem::exists(dir + "/customer/landing") ? dir : std::string();
}

// Writes `text` to `path`, creating its folders.
inline void WriteText(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

inline std::string ToolPath(const std::string& name) {
  return std::string(STEDI_BINARY_DIR) + "/bin/" + name;
}

}  // namespace stedi::testing
