#include "ingest/array_elements.h"

namespace stedi {

// Elements are found by a small scanner (strings, nesting depth, commas at
// depth 0) rather than by parsing the whole array: a parser gives up on an
// array that is cut short or followed by junk, while the scanner still hands
// out every element before the damage. Each element is then parsed, and so
// validated, as a record of its own.

namespace {

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view TrimJsonSpace(std::string_view s) {
  while (!s.empty() && IsJsonSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsJsonSpace(s.back())) s.remove_suffix(1);
  return s;
}

size_t SkipSpace(std::string_view text, size_t pos) {
  while (pos < text.size() && IsJsonSpace(text[pos])) ++pos;
  return pos;
}

// From the start of an element, the position of the ',' or ']' that ends it
// at depth 0, or text.size() when there is none.
size_t ElementEnd(std::string_view text, size_t pos) {
  int depth = 0;
  for (; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c == '"') {
      for (++pos; pos < text.size() && text[pos] != '"'; ++pos) {
        if (text[pos] == '\\') ++pos;
      }
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    } else if ((c == ',' || c == ']') && depth == 0) {
      return pos;
    }
  }
  return text.size();
}

}  // namespace

bool IsJsonArrayText(std::string_view text) {
  const size_t pos = SkipSpace(text, 0);
  return pos < text.size() && text[pos] == '[';
}

std::string ForEachArrayElement(std::string_view text,
                                const std::function<bool(std::string_view, uint64_t)>& fn,
                                std::string_view* rest) {
  size_t pos = SkipSpace(text, 0) + 1;  // past '['
  uint64_t index = 0;
  bool closed = SkipSpace(text, pos) < text.size() && text[SkipSpace(text, pos)] == ']';
  if (closed) pos = SkipSpace(text, pos) + 1;
  while (!closed) {
    const size_t end = ElementEnd(text, pos);
    if (end == text.size()) {
      *rest = TrimJsonSpace(text.substr(pos));
      return "invalid JSON array: it ends before its closing ']'";
    }
    // An empty element ("[1,,2]", "[1,]") is delivered too, and rejected.
    if (!fn(TrimJsonSpace(text.substr(pos, end - pos)), ++index)) return "";
    closed = text[end] == ']';
    pos = end + 1;
  }
  pos = SkipSpace(text, pos);
  if (pos == text.size()) return "";
  *rest = TrimJsonSpace(text.substr(pos));
  return "trailing content after the top-level array";
}

}  // namespace stedi
