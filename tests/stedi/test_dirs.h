// Test helpers: temporary folders and the shared real data's location.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/common/temp_dir.h"

namespace stedi::testing {

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
