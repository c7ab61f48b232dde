#include "features/formula/formula_parser.h"

#include <stdexcept>

#include "common/ascii.h"
#include "features/formula/formula_lexer.h"

namespace tessera::features {
namespace {

// Thrown inside the parser only; parseFormula returns it as a value.
struct ParseFailure {
  FormulaError error;
};

[[noreturn]] void fail(std::size_t position, const std::string& message) {
  throw ParseFailure{{position, message + " at " + std::to_string(position) + "."}};
}

std::string describe(const FormulaToken& token) {
  switch (token.kind) {
    case FormulaToken::Kind::End:
      return "the end of the formula";
    case FormulaToken::Kind::OpenParen:
      return "'('";
    case FormulaToken::Kind::CloseParen:
      return "')'";
    case FormulaToken::Kind::Comma:
      return "','";
    case FormulaToken::Kind::Number:
    case FormulaToken::Kind::Text:
    case FormulaToken::Kind::Field:
    case FormulaToken::Kind::Name:
    case FormulaToken::Kind::Operator:
      return "'" +
             (token.kind == FormulaToken::Kind::Field  ? writeFieldReference(token.text)
              : token.kind == FormulaToken::Kind::Text ? "\"" + token.text + "\""
                                                       : token.text) +
             "'";
  }
  return "a token";
}

class Parser {
 public:
  Parser(std::vector<FormulaToken> tokens, const FieldResolver& resolve)
      : tokens_(std::move(tokens)), resolve_(resolve) {}

  FormulaNode formula() {
    if (peek().kind == FormulaToken::Kind::End) fail(peek().position, "The formula is empty");
    FormulaNode root = comparison();
    if (peek().kind != FormulaToken::Kind::End) {
      fail(peek().position,
           "Expected an operator or the end of the formula, not " + describe(peek()));
    }
    return root;
  }

 private:
  FormulaNode comparison() {
    return binaryLevel({"=", "!=", "<>", "<", ">", "<=", ">="}, &Parser::concatenation);
  }
  FormulaNode concatenation() { return binaryLevel({"&"}, &Parser::additive); }
  FormulaNode additive() { return binaryLevel({"+", "-"}, &Parser::multiplicative); }
  FormulaNode multiplicative() { return binaryLevel({"*", "/", "%"}, &Parser::unary); }

  FormulaNode binaryLevel(std::initializer_list<std::string_view> operators,
                          FormulaNode (Parser::*operand)()) {
    FormulaNode left = (this->*operand)();
    while (isOperator(peek(), operators)) {
      const FormulaToken op = take();
      FormulaNode node{
          FormulaNode::Kind::Binary, op.position, 0, op.text == "<>" ? "!=" : op.text, {}};
      node.children.push_back(std::move(left));
      node.children.push_back((this->*operand)());
      left = std::move(node);
    }
    return left;
  }

  FormulaNode unary() {
    if (isOperator(peek(), {"-", "+"})) {
      const FormulaToken op = take();
      const Depth depth(*this, op.position);
      FormulaNode operand = unary();
      if (op.text == "+") return operand;
      FormulaNode node{FormulaNode::Kind::Negate, op.position, 0, "-", {}};
      node.children.push_back(std::move(operand));
      return node;
    }
    return primary();
  }

  FormulaNode primary() {
    const FormulaToken token = take();
    switch (token.kind) {
      case FormulaToken::Kind::Number:
        return {FormulaNode::Kind::Number, token.position, token.number, "", {}};
      case FormulaToken::Kind::Text:
        return {FormulaNode::Kind::Text, token.position, 0, token.text, {}};
      case FormulaToken::Kind::Field: {
        const auto id = resolve_(token.text);
        if (!id) fail(token.position, "Unknown field " + writeFieldReference(token.text));
        return {FormulaNode::Kind::Field, token.position, 0, *id, {}};
      }
      case FormulaToken::Kind::Name:
        return call(token);
      case FormulaToken::Kind::OpenParen: {
        const Depth depth(*this, token.position);
        FormulaNode inner = comparison();
        expect(FormulaToken::Kind::CloseParen,
               "')' to close the '(' at " + std::to_string(token.position));
        return inner;
      }
      case FormulaToken::Kind::CloseParen:
      case FormulaToken::Kind::Comma:
      case FormulaToken::Kind::Operator:
      case FormulaToken::Kind::End:
        break;
    }
    fail(token.position, "Expected a value, not " + describe(token));
  }

  FormulaNode call(const FormulaToken& name) {
    const std::string upper = upperAscii(name.text);
    if (peek().kind != FormulaToken::Kind::OpenParen) {
      // TRUE and FALSE may be written without parentheses.
      if (upper == "TRUE" || upper == "FALSE") {
        return {FormulaNode::Kind::Call, name.position, 0, upper, {}};
      }
      fail(name.position, "Expected '(' after the function name " + name.text +
                              " (a field is written in braces: {" + name.text + "})");
    }
    const Depth depth(*this, name.position);
    take();  // (
    FormulaNode node{FormulaNode::Kind::Call, name.position, 0, upper, {}};
    if (peek().kind == FormulaToken::Kind::CloseParen) {
      take();
      return node;
    }
    while (true) {
      node.children.push_back(comparison());
      if (peek().kind == FormulaToken::Kind::Comma) {
        take();
        continue;
      }
      expect(FormulaToken::Kind::CloseParen, "',' or ')' in the arguments of " + upper +
                                                 " (opened at " + std::to_string(name.position) +
                                                 ")");
      return node;
    }
  }

  void expect(FormulaToken::Kind kind, const std::string& what) {
    if (peek().kind != kind)
      fail(peek().position, "Expected " + what + ", not " + describe(peek()));
    take();
  }

  static bool isOperator(const FormulaToken& token, std::initializer_list<std::string_view> ops) {
    if (token.kind != FormulaToken::Kind::Operator) return false;
    for (const std::string_view op : ops) {
      if (token.text == op) return true;
    }
    return false;
  }

  const FormulaToken& peek() const { return tokens_[next_]; }
  FormulaToken take() { return tokens_[next_ < tokens_.size() - 1 ? next_++ : next_]; }

  // Counts nesting while a call, parenthesis or sign is being parsed.
  class Depth {
   public:
    Depth(Parser& parser, std::size_t position) : parser_(parser) {
      if (++parser_.depth_ > kMaxFormulaDepth) {
        fail(position,
             "The formula nests deeper than " + std::to_string(kMaxFormulaDepth) + " levels");
      }
    }
    ~Depth() { --parser_.depth_; }
    Depth(const Depth&) = delete;
    Depth& operator=(const Depth&) = delete;

   private:
    Parser& parser_;
  };

  std::vector<FormulaToken> tokens_;
  const FieldResolver& resolve_;
  std::size_t next_ = 0;
  std::size_t depth_ = 0;
};

// Whether the tree is deeper than `limit` (long chains of operators nest
// as deep as they are long); looks no deeper than limit + 1.
bool deeperThan(const FormulaNode& node, std::size_t limit) {
  if (limit == 0) return true;
  for (const FormulaNode& child : node.children) {
    if (deeperThan(child, limit - 1)) return true;
  }
  return false;
}

std::size_t characterCount(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

}  // namespace

std::variant<FormulaNode, FormulaError> parseFormula(std::string_view text,
                                                     const FieldResolver& resolve) {
  if (characterCount(text) > kMaxFormulaLength) {
    return FormulaError{
        1, "The formula is longer than " + std::to_string(kMaxFormulaLength) + " characters at 1."};
  }
  auto tokens = tokenizeFormula(text);
  if (auto* error = std::get_if<FormulaError>(&tokens)) return *error;
  try {
    FormulaNode root =
        Parser(std::move(std::get<std::vector<FormulaToken>>(tokens)), resolve).formula();
    if (deeperThan(root, kMaxFormulaTreeDepth)) {
      return FormulaError{1, "The formula has more than " + std::to_string(kMaxFormulaTreeDepth) +
                                 " operations inside each other at 1."};
    }
    return root;
  } catch (const ParseFailure& failure) {
    return failure.error;
  }
}

std::string rewriteFieldReferences(std::string_view text, const FieldResolver& rename) {
  auto tokens = tokenizeFormula(text);
  if (!std::holds_alternative<std::vector<FormulaToken>>(tokens)) {
    throw std::logic_error("rewriteFieldReferences: the formula does not tokenize");
  }
  std::string out;
  std::size_t copied = 0;
  for (const FormulaToken& token : std::get<std::vector<FormulaToken>>(tokens)) {
    if (token.kind != FormulaToken::Kind::Field) continue;
    const auto renamed = rename(token.text);
    if (!renamed) continue;
    out += text.substr(copied, token.byteBegin - copied);
    out += writeFieldReference(*renamed);
    copied = token.byteEnd;
  }
  out += text.substr(copied);
  return out;
}

}  // namespace tessera::features
