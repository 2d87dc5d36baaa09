// Files that hold one top-level JSON array of records instead of JSON Lines.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace stedi {

// True when the first byte of `text` that is not JSON whitespace is '['.
bool IsJsonArrayText(std::string_view text);

// Calls fn(element, index) with the raw text of each element of the
// top-level array in `text` (index 1-based), until fn returns false.
// Returns "" when the array was read to its end (or fn stopped it); else why
// it could not be, with *rest set to the unread tail (the first element not
// delivered onwards, or the trailing content after the array). Elements are
// not validated here: the caller parses each one.
// REQUIRES: IsJsonArrayText(text).
std::string ForEachArrayElement(std::string_view text,
                                const std::function<bool(std::string_view, uint64_t)>& fn,
                                std::string_view* rest);

}  // namespace stedi
