// --schema and --ddl: a table's schema as text, JSON, or a CREATE TABLE.
#pragma once

#include <ostream>
#include <string>

#include "core/types.h"

namespace stedi::segdump {

// One line per column: name, type, "nullable" or "not null", aligned.
void WriteSchemaText(const Schema& schema, std::ostream& out);
// [{"name":...,"type":...,"nullable":...}, ...] (the catalog.json shape).
std::string SchemaJson(const Schema& schema);

// A CREATE TABLE statement that Athena, Spark SQL and DuckDB all accept:
// BOOLEAN, INT, BIGINT, DOUBLE, STRING, TIMESTAMP; NOT NULL is a trailing
// "-- not null" comment because Athena's DDL has no NOT NULL. Names that are
// not plain identifiers (or are SQL keywords) are quoted in backticks, which
// Athena and Spark take (DuckDB wants double quotes there).
std::string CreateTableDdl(const std::string& table_name, const Schema& schema);

// "BIGINT" etc.: the SQL type above for `type`.
const char* SqlTypeName(TypeId type);

}  // namespace stedi::segdump
