// The model of one user table: its fields, their types and options, and
// the SQL names of the physical table and columns (built only from
// Tessera's own ids, never from user text). schema_store.h loads and saves
// it.
#pragma once

#include <boost/json/object.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "features/formula/formula_sql.h"
#include "features/formula/formula_syntax.h"
#include "features/schema/field_type.h"

namespace tessera::features {

// What a formula field computes, worked out from its stored expression
// each time its table's schema is loaded (features/schema/formula_fields.h).
struct FormulaPlan {
  std::string expression;  // as the API shows it: each reference by field name
  FormulaType resultType = FormulaType::Text;
  std::string sql;       // over the columns of the table aliased `t`; NULL when broken
  std::string bareSql;   // the same over unqualified columns (for lookups of it)
  std::string indexSql;  // bareSql when an index can hold it (CREATE INDEX); else empty
  std::vector<std::string> fieldIds;  // the fields it references
  std::optional<FormulaError> error;  // why it is broken; nullopt when it works
};

struct LinkPlan;
struct LookupPlan;

struct FieldDef {
  std::string id;
  std::string name;
  std::string description;
  FieldType type = FieldType::SingleLineText;
  boost::json::object options;  // as stored: a formula's references by field id
  bool isPrimary = false;
  std::int64_t position = 0;
  std::shared_ptr<const FormulaPlan> formula;  // set for formula fields once planned
  std::shared_ptr<const LinkPlan> link;        // set for link fields once planned
  std::shared_ptr<const LookupPlan> lookup;    // set for lookup and rollup fields once planned

  // The quoted column of a stored field, e.g. "f_fldAbc...".
  // REQUIRES: hasColumn(type).
  std::string column() const;
  // The quoted column holding a materialised field's value, e.g.
  // "m_fldAbc...". REQUIRES: isMaterialised(type).
  std::string materialisedColumn() const;
  // The SQL that computes a materialised field's value from the other
  // tables, in a statement on its table aliased `t` (NULL when the plan is
  // broken). REQUIRES: isMaterialised(type) and the plan is set.
  std::string computeSql() const;
  // The SQL expression of the value in a query whose table alias is `t`.
  // REQUIRES for a formula: `formula` is set.
  std::string expression() const;
  // The same with unqualified columns, as an index is built on; empty for
  // a formula that cannot be indexed (it reads the clock, another table or
  // is broken).
  std::string indexExpression() const;
  // The SQL type of the value, for casts that must match it.
  std::string_view valueType() const;
};

enum class LinkRelationship { ManyMany, ManyOne, OneMany, OneOne };

// How a link field reaches its pairs, worked out from its options each
// time its table's schema is loaded (features/schema/link_fields.h). A
// link's pairs are the rows (a, b, a_ord, b_ord) of one junction table
// l_<junctionId>: the field that created the link reads them from `a` to
// `b`, its symmetric field (reversed) from `b` to `a`, so the two are in
// step by construction. a_ord orders a record's links on the `a` side,
// b_ord on the `b` side.
struct LinkPlan {
  std::string linkedTableId;
  LinkRelationship relationship = LinkRelationship::ManyMany;  // seen from this field
  std::string symmetricFieldId;                                // empty for a one-way link
  std::string junctionId;      // the id of the field that created the link
  bool reversed = false;       // this field reads the junction from `b` to `a`
  std::string linkedSqlTable;  // the quoted physical table of the linked table
  std::string linkedTableName;
  // The linked table's primary field, whose values are the links' titles;
  // null when the linked table is gone.
  std::shared_ptr<const FieldDef> titleField;
  // The cell in a query whose table alias is `t`: a JSON array of
  // [record id, title value] in link order; NULL when empty.
  std::string sql;

  std::string junction() const;   // quoted, e.g. "l_fldAbc..."
  std::string_view from() const;  // the junction column of this field's records
  std::string_view to() const;    // the junction column of the linked records
  std::string_view fromOrder() const;
  std::string_view toOrder() const;
  // Each record links to one record at most (manyOne, oneOne).
  bool singleLink() const;
  // A linked record links back to one record at most (oneMany, oneOne):
  // linking it moves it here from the record it was linked to.
  bool exclusiveTargets() const;
};

// What a lookup or rollup field shows, worked out from its options each
// time its table's schema is loaded (features/schema/lookup_fields.h): the
// values of one field of the records its link field links to, or (a
// rollup) one aggregate of them.
struct LookupPlan {
  std::string linkFieldId;
  std::string lookupFieldId;
  // A rollup's single value (sum, count, concatenation...) and its type;
  // nullopt for a lookup and for the rollups that give arrays.
  std::optional<FormulaType> scalarType;
  // A JSON array of the non-empty values, in link order (NULL when none)
  // (or a rollup's scalar value),
  // over the record's table as the nearest enclosing scope with `__id`: it
  // is valid at the top of a query and inside another lookup alike.
  std::string sql;
  // How a query aliased `t` reads the cell when that is not its column: a
  // lookup of users keeps their ids and reads them with their names and
  // emails as they are now. Empty: the column.
  std::string readSql;
  // The field whose codec writes each value; for a lookup of a lookup (or
  // of a list rollup), the innermost looked-up field: the lists of the
  // linked records are flattened into one. A lookup of links holds their
  // [id, title] pairs, flattened the same way.
  std::shared_ptr<const FieldDef> valueField;
  // How a filter reads each value of a lookup (or a rollup that gives a
  // list) in a query aliased `t`: a FROM item over its column, and one
  // value in it, typed as valueField stores it. Empty for lists of users,
  // links or multiple selects.
  std::string eachValueFrom;
  std::string eachValue;
  // The first value, typed as valueField stores it, which orders records
  // by a lookup of numbers, dates or checkboxes (a lookup of text orders
  // them by its whole text): over `t.` and over the bare column (for an
  // index). Empty where eachValue is, and for text.
  std::string firstValue;
  std::string firstValueBare;
  std::optional<std::string> error;  // why it cannot be computed; nullopt when it works
};

// A live link field, of any table of the base, that links to a table.
struct LinkIn {
  std::string tableId;
  std::string fieldId;
};

struct TableSchema {
  std::string id;
  std::string baseId;
  std::string name;
  std::string description;
  std::string createdBy;
  UnixMillis createdAt = 0;
  UnixMillis updatedAt = 0;
  std::vector<FieldDef> fields;  // in display order; the primary field first
  // The live link fields that link to this table, its own self-links
  // included (loadTableSchema fills it; syncMaterialised advances this
  // table's schema version whenever one comes, goes or is retargeted).
  std::vector<LinkIn> linksIn;

  // The quoted physical table, e.g. "t_tblAbc...".
  std::string sqlTable() const;
  // Finds a field by id, or by name (case-insensitive) when `byName`.
  const FieldDef* field(std::string_view key, bool byName) const;
  const FieldDef& primaryField() const;
};

// The text option `key` of a field's stored options; "" when it is absent
// or not text.
std::string textOption(const boost::json::object& options, std::string_view key);

// Quotes an identifier built from Tessera's own ids ([A-Za-z0-9_]).
std::string quoteIdentifier(std::string_view identifier);

// The case-insensitive uniqueness key of a name.
std::string nameKey(std::string_view name);

}  // namespace tessera::features
