// TextTable: cells aligned in columns for people to read.
//
// Control characters in cells are shown escaped (\n, \t, \xNN) so a value can
// never break the layout; widths count UTF-8 code points, not bytes.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace stedi::segdump {

class TextTable {
 public:
  enum class Style {
    kPlain,  // columns two spaces apart, header then rows (metadata)
    kGrid,   // "a | b" with a "--+--" rule under the header (rows)
    kList,   // as kPlain without the header line (key/value lists)
  };
  // right_align[i]: column i is numeric and aligns right (missing = left).
  TextTable(std::vector<std::string> header, std::vector<bool> right_align, Style style);

  // REQUIRES: cells.size() == header.size().
  void AddRow(std::vector<std::string> cells);
  size_t num_rows() const { return rows_.size(); }
  // Writes every line; `indent` spaces before each.
  void Write(std::ostream& out, int indent = 0) const;

 private:
  std::vector<std::string> header_;
  std::vector<bool> right_;
  Style style_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<size_t> widths_;
};

// `s` with control characters escaped as described above.
std::string EscapeForDisplay(const std::string& s);
// Number of UTF-8 code points in `s`.
size_t DisplayWidth(const std::string& s);

}  // namespace stedi::segdump
