// What the formula editor offers at the caret: the fields whose names match
// an open `{…` reference, or the functions whose names start with the word
// being typed; and the text once a suggestion is taken.

export interface Suggestion {
  label: string; // as listed
  insert: string; // what replaces the text being completed
  detail: string; // a field's type, or a function's signature
}

export interface Completion {
  from: number; // where the text being completed starts
  suggestions: Suggestion[];
}

export interface CompletionSources {
  fields: { name: string; type: string }[];
  functions: { name: string; signature: string }[];
}

const MAX_SUGGESTIONS = 8;

// A field name as a reference: `}` and `\` escaped, as the server reads them.
export const fieldReference = (name: string) => `{${name.replace(/[\\}]/g, (c) => `\\${c}`)}}`;

// Where the text before `caret` leaves off: inside a reference opened at
// `openBrace` (-1: none), or inside a text literal opened by `quote`.
function scan(text: string, caret: number): { openBrace: number; quote: string } {
  let openBrace = -1;
  let quote = "";
  for (let i = 0; i < caret; i++) {
    const c = text[i];
    if (openBrace >= 0 || quote) {
      const closer = openBrace >= 0 ? "}" : quote;
      if (c === "\\") i++;
      else if (c === closer) [openBrace, quote] = [-1, ""];
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "{") openBrace = i;
  }
  return { openBrace, quote };
}

export function completionAt(text: string, caret: number, sources: CompletionSources): Completion | null {
  const { openBrace, quote } = scan(text, caret);
  if (openBrace >= 0) {
    const wanted = text.slice(openBrace + 1, caret).toLowerCase();
    const suggestions = sources.fields
      .filter((field) => field.name.toLowerCase().includes(wanted))
      .slice(0, MAX_SUGGESTIONS)
      .map((field) => ({ label: field.name, insert: fieldReference(field.name), detail: field.type }));
    return suggestions.length ? { from: openBrace, suggestions } : null;
  }
  const word = /[A-Za-z_][A-Za-z0-9_]*$/.exec(text.slice(0, caret));
  if (!word || quote) return null;
  const wanted = word[0].toUpperCase();
  const suggestions = sources.functions
    .filter((fn) => fn.name.startsWith(wanted) && fn.name !== wanted)
    .slice(0, MAX_SUGGESTIONS)
    .map((fn) => ({ label: fn.name, insert: `${fn.name}(`, detail: fn.signature }));
  return suggestions.length ? { from: word.index, suggestions } : null;
}

// The text with the completion taken, and where the caret goes.
export function accept(text: string, caret: number, from: number, suggestion: Suggestion): [string, number] {
  let end = caret;
  // Taking a field replaces the whole reference, closing brace included.
  if (suggestion.insert.startsWith("{")) {
    const close = text.indexOf("}", caret);
    const nextOpen = text.indexOf("{", caret);
    if (close >= 0 && (nextOpen < 0 || close < nextOpen)) end = close + 1;
  }
  const next = text.slice(0, from) + suggestion.insert + text.slice(end);
  return [next, from + suggestion.insert.length];
}
