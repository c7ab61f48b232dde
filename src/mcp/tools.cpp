#include "mcp/tools.h"

#include "mcp/tool_support.h"

namespace tessera::mcp {

const std::vector<Tool>& allTools() {
  static const std::vector<Tool> tools = [] {
    std::vector<Tool> list;
    addWorkspaceTools(list);
    addRecordTools(list);
    addSchemaTools(list);
    return list;
  }();
  return tools;
}

boost::json::value describeTool(const Tool& tool) {
  return {{"name", tool.name},
          {"title", tool.title},
          {"description", tool.description},
          {"inputSchema", tool.inputSchema},
          {"outputSchema", tool.outputSchema},
          {"annotations",
           {{"title", tool.title},
            {"readOnlyHint", tool.readOnly},
            {"destructiveHint", tool.destructive},
            {"idempotentHint", tool.idempotent},
            {"openWorldHint", false}}}};
}

}  // namespace tessera::mcp
