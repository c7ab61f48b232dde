#include "features/fields/field_routes.h"

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include "features/fields/field_input.h"
#include "features/formula/formula_functions.h"
#include "http/json_body.h"

namespace tessera::features {

void registerFieldRoutes(http::Router& router, FieldService& fields) {
  using access::Action;
  const std::string collection = "/api/table/{tableId}/field";
  router.add("GET", collection, access::onTable(Action::FieldRead), [&fields](auto& ctx) {
    return http::Response::json(200, fields.list(ctx.param("tableId")));
  });
  router.add("POST", collection, access::onTable(Action::FieldCreate), [&fields](auto& ctx) {
    return http::Response::json(
        201,
        fields.create(ctx.param("tableId"), fieldFromJson(http::parseJsonBody(ctx.request), "")));
  });
  router.add(
      "GET", collection + "/{fieldId}", access::onTable(Action::FieldRead), [&fields](auto& ctx) {
        return http::Response::json(200, fields.get(ctx.param("tableId"), ctx.param("fieldId")));
      });
  router.add("PATCH", collection + "/{fieldId}", access::onTable(Action::FieldUpdate),
             [&fields](auto& ctx) {
               return http::Response::json(
                   200, fields.update(ctx.param("tableId"), ctx.param("fieldId"),
                                      fieldChangesFromBody(http::parseJsonBody(ctx.request))));
             });
  router.add("DELETE", collection + "/{fieldId}", access::onTable(Action::FieldDelete),
             [&fields](auto& ctx) {
               return http::Response::json(
                   200, fields.remove(ctx.param("tableId"), ctx.param("fieldId")));
             });
  // The functions formulas can call, for editors to complete and explain.
  router.add("GET", "/api/formula/function", access::signedIn(), [](auto&) {
    boost::json::array functions;
    for (const FormulaFunction& function : allFormulaFunctions()) {
      functions.push_back({{"name", function.name},
                           {"signature", function.signature},
                           {"description", function.description}});
    }
    return http::Response::json(200, boost::json::value{{"functions", std::move(functions)}});
  });
  // Trying a formula out saves nothing: whoever may see the fields may.
  router.add("POST", "/api/table/{tableId}/formula/check", access::onTable(Action::FieldRead),
             [&fields](auto& ctx) {
               const FormulaTrialInput trial =
                   formulaTrialFromBody(http::parseJsonBody(ctx.request));
               return http::Response::json(
                   200, fields.tryFormula(ctx.param("tableId"), trial.options, trial.fieldId));
             });
  // Undoing a deletion adds the field back: it needs what adding one does.
  router.add("POST", collection + "/{fieldId}/restore", access::onTable(Action::FieldCreate),
             [&fields](auto& ctx) {
               return http::Response::json(
                   200, fields.restore(ctx.param("tableId"), ctx.param("fieldId")));
             });
}

}  // namespace tessera::features
