#include "features/schema/schema_json.h"

#include <boost/json/array.hpp>

#include "features/schema/link_fields.h"
#include "features/schema/lookup_fields.h"

namespace tessera::features {

namespace {

// A formula as people read it: references by name, and what it computes.
boost::json::object formulaOptions(const FieldDef& field) {
  const FormulaPlan& plan = *field.formula;
  boost::json::object options = field.options;
  options["expression"] = plan.expression;
  options["result"] = {{"type", formulaTypeName(plan.resultType)}};
  boost::json::array used;
  for (const std::string& id : plan.fieldIds) used.push_back(boost::json::value(id));
  options["referencedFieldIds"] = std::move(used);
  if (plan.error) options["error"] = plan.error->message;
  return options;
}

boost::json::object optionsJson(const FieldDef& field) {
  if (field.formula) return formulaOptions(field);
  if (field.type == FieldType::Link) return linkOptionsJson(field);
  if (field.type == FieldType::Lookup || field.type == FieldType::Rollup) {
    return lookupOptionsJson(field);
  }
  return field.options;
}

}  // namespace

boost::json::value fieldToJson(const FieldDef& field) {
  return {{"id", field.id},
          {"name", field.name},
          {"type", fieldTypeName(field.type)},
          {"description", field.description},
          {"options", optionsJson(field)},
          {"isPrimary", field.isPrimary},
          {"isComputed", isComputed(field.type)}};
}

boost::json::value tableToJson(const TableSchema& table, boost::json::array views) {
  boost::json::array fields;
  for (const FieldDef& field : table.fields) fields.push_back(fieldToJson(field));
  return {{"id", table.id},
          {"baseId", table.baseId},
          {"name", table.name},
          {"description", table.description},
          {"primaryFieldId", table.primaryField().id},
          {"fields", std::move(fields)},
          {"views", std::move(views)},
          {"createdBy", table.createdBy},
          {"createdTime", formatRfc3339(table.createdAt)},
          {"lastModifiedTime", formatRfc3339(table.updatedAt)}};
}

}  // namespace tessera::features
