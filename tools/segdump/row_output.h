// Row output: a table's rows as a text table, CSV or JSON Lines.
//
//   table  aligned " | " columns, NULL as "NULL", timestamps ISO-8601 UTC with
//          milliseconds, then "(N rows)".
//   csv    RFC 4180: a header line, CRLF line ends; a field holding a comma,
//          quote, CR or LF is quoted with inner quotes doubled. NULL is an empty
//          field and the empty string is "" (so the two stay distinct);
//          timestamps are epoch milliseconds.
//   jsonl  one JSON object per row keyed by column name; NULL is null,
//          timestamps are epoch milliseconds, non-finite doubles are null. It
//          reads back through ingest (IngestFiles) with the table's schema.
// Doubles print as the shortest text that reads back to the same double.
#pragma once

#include <ostream>
#include <string_view>

#include "core/status.h"
#include "core/table.h"

namespace stedi::segdump {

enum class RowFormat { kTable, kCsv, kJsonl };

// "table", "csv", "jsonl"; InvalidArgument otherwise.
Result<RowFormat> ParseRowFormat(std::string_view name);

void WriteRows(const Table& table, RowFormat format, std::ostream& out);

// One CSV field, quoted when RFC 4180 requires it.
std::string CsvField(std::string_view s);

}  // namespace stedi::segdump
