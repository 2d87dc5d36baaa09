#include "tools/segdump/text_table.h"

#include <cassert>
#include <cstdio>

namespace stedi::segdump {

std::string EscapeForDisplay(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (c >= 0x20 && c != 0x7f) {
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  return out;
}

size_t DisplayWidth(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

TextTable::TextTable(std::vector<std::string> header, std::vector<bool> right_align, Style style)
    : header_(std::move(header)), right_(std::move(right_align)), style_(style) {
  right_.resize(header_.size(), false);
  for (std::string& h : header_) {
    h = EscapeForDisplay(h);
    widths_.push_back(DisplayWidth(h));
  }
}

void TextTable::AddRow(std::vector<std::string> cells) {
  assert(cells.size() == header_.size());
  for (size_t i = 0; i < cells.size(); ++i) {
    cells[i] = EscapeForDisplay(cells[i]);
    widths_[i] = std::max(widths_[i], DisplayWidth(cells[i]));
  }
  rows_.push_back(std::move(cells));
}

void TextTable::Write(std::ostream& out, int indent) const {
  const std::string sep = style_ == Style::kGrid ? " | " : "  ";
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string text(indent, ' ');
    for (size_t i = 0; i < cells.size(); ++i) {
      const std::string pad(widths_[i] - DisplayWidth(cells[i]), ' ');
      const bool last = i + 1 == cells.size();
      if (i > 0) text += sep;
      if (right_[i]) {
        text += pad + cells[i];
      } else {
        text += cells[i];
        if (!last || style_ == Style::kGrid) text += pad;
      }
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << '\n';
  };
  if (style_ != Style::kList) line(header_);
  if (style_ == Style::kGrid) {
    std::string rule(indent, ' ');
    for (size_t i = 0; i < widths_.size(); ++i) {
      rule += (i ? "-+-" : "") + std::string(widths_[i], '-');
    }
    out << rule << '\n';
  }
  for (const auto& row : rows_) line(row);
}

}  // namespace stedi::segdump
