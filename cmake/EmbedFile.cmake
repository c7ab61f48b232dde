# Writes OUTPUT, a C++ file defining `std::string_view <FUNCTION>()` that
# returns the bytes of INPUT. Run with cmake -P at build time, so editing
# INPUT rebuilds the binary.
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by cmake/EmbedFile.cmake. Do not edit.\n"
  "#include <string_view>\n"
  "namespace tessera::features {\n"
  "namespace { constexpr char kBytes[] = {${bytes}}; }\n"
  "std::string_view ${FUNCTION}() { return {kBytes, sizeof kBytes}; }\n"
  "}  // namespace tessera::features\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
