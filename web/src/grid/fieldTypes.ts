// Per field type: its label, the icon in column headers, whether people can
// write it, and the filter operators the API accepts for it.
import type { Field, FieldType, FormulaResultType, LinkRelationship } from "../api/types";

interface TypeInfo {
  label: string;
  icon: string;
  computed?: boolean;
  operators: string[];
}

const TEXT_OPS = ["contains", "doesNotContain", "is", "isNot", "isEmpty", "isNotEmpty"];
const NUMBER_OPS = ["is", "isNot", "isGreater", "isGreaterEqual", "isLess", "isLessEqual", "isEmpty", "isNotEmpty"];
const DATE_OPS = ["is", "isNot", "isGreater", "isGreaterEqual", "isLess", "isLessEqual", "isEmpty", "isNotEmpty"];
const USER_OPS = ["is", "isNot"];

export const FIELD_TYPES: Record<FieldType, TypeInfo> = {
  singleLineText: { label: "Single line text", icon: "Aa", operators: TEXT_OPS },
  longText: { label: "Long text", icon: "¶", operators: TEXT_OPS },
  number: { label: "Number", icon: "#", operators: NUMBER_OPS },
  checkbox: { label: "Checkbox", icon: "☑", operators: ["is"] },
  date: { label: "Date", icon: "◷", operators: DATE_OPS },
  singleSelect: { label: "Single select", icon: "◉", operators: ["is", "isNot", "isEmpty", "isNotEmpty"] },
  multipleSelect: {
    label: "Multiple select",
    icon: "☰",
    operators: ["hasAnyOf", "hasAllOf", "isNoneOf", "isEmpty", "isNotEmpty"],
  },
  email: { label: "Email", icon: "@", operators: TEXT_OPS },
  url: { label: "URL", icon: "↗", operators: TEXT_OPS },
  rating: { label: "Rating", icon: "★", operators: NUMBER_OPS },
  autoNumber: { label: "Auto number", icon: "№", computed: true, operators: NUMBER_OPS },
  createdTime: { label: "Created time", icon: "⊕", computed: true, operators: DATE_OPS },
  lastModifiedTime: { label: "Last modified time", icon: "✎", computed: true, operators: DATE_OPS },
  createdBy: { label: "Created by", icon: "☺", computed: true, operators: USER_OPS },
  lastModifiedBy: { label: "Last modified by", icon: "☻", computed: true, operators: USER_OPS },
  // Filtered by its result's type: operatorsOf.
  formula: { label: "Formula", icon: "ƒ", computed: true, operators: TEXT_OPS },
  // By the linked records' titles, or by records picked (LinkFilterValue).
  link: {
    label: "Link to another record",
    icon: "⇄",
    operators: ["is", "contains", "doesNotContain", "hasAnyOf", "hasAllOf", "isNoneOf", "isEmpty", "isNotEmpty"],
  },
  lookup: {
    label: "Lookup",
    icon: "⤷",
    computed: true,
    operators: ["contains", "doesNotContain", "isEmpty", "isNotEmpty"],
  },
  // Filtered by its result's type when it has one value: operatorsOf.
  rollup: {
    label: "Rollup",
    icon: "Σ",
    computed: true,
    operators: ["contains", "doesNotContain", "isEmpty", "isNotEmpty"],
  },
};

export const RELATIONSHIP_LABELS: Record<LinkRelationship, string> = {
  manyMany: "Many to many: each record links to any number",
  manyOne: "Many to one: each record links to one at most",
  oneMany: "One to many: each linked record links back to one at most",
  oneOne: "One to one",
};

// Whether a link cell holds one record at most.
export const linksOneRecord = (field: Field) =>
  field.options.relationship === "manyOne" || field.options.relationship === "oneOne";

const TYPE_OF_RESULT: Record<FormulaResultType, FieldType> = {
  number: "number",
  text: "singleLineText",
  boolean: "checkbox",
  date: "date",
};

// The type a field's values have: a formula's are its result's.
export const valueType = (field: Field): FieldType => {
  const result = field.options.result?.type;
  if (field.type === "formula") return TYPE_OF_RESULT[(result as FormulaResultType | undefined) ?? "text"];
  // A rollup with one value (a sum, a count...) is typed as a formula is.
  if (field.type === "rollup" && result && result in TYPE_OF_RESULT) {
    return TYPE_OF_RESULT[result as FormulaResultType];
  }
  return field.type;
};

// Text-like types, whose lookups sort by their text.
const TEXTUAL_TYPES: string[] = ["singleLineText", "longText", "singleSelect", "multipleSelect", "email", "url"];

// Types whose lookups sort by their first value.
const FIRST_VALUE_TYPES: string[] = [
  "number",
  "rating",
  "autoNumber",
  "checkbox",
  "date",
  "createdTime",
  "lastModifiedTime",
];

// Whether records can be ordered by the field, as the server allows: not
// by a link, nor by a lookup of links or users. (A lookup of a formula or
// a rollup is left out too: the answer does not say its values' type.)
export const canOrderBy = (field: Field): boolean => {
  if (field.type === "lookup") {
    const result = String(field.options.result?.type);
    return TEXTUAL_TYPES.includes(result) || FIRST_VALUE_TYPES.includes(result);
  }
  return field.type !== "link";
};

export const ROLLUP_FUNCTIONS: Record<string, string> = {
  sum: "Sum",
  average: "Average",
  min: "Minimum",
  max: "Maximum",
  count: "Count of values",
  countAll: "Count of linked records",
  countUnique: "Count of unique values",
  and: "All true (AND)",
  or: "Any true (OR)",
  concatenate: "Joined as text",
  arrayUnique: "Unique values",
  arrayCompact: "All values",
};

// Types whose values a lookup's filter compares one by one (a lookup of
// a formula or rollup is compared by the API too, but its answer does not
// say the values' type).
const COMPARED_TYPES: string[] = [...TEXTUAL_TYPES.filter((type) => type !== "multipleSelect"), ...FIRST_VALUE_TYPES];

// The type of the values of a lookup (or of a rollup that gives a list)
// when a filter compares them one by one: "has a value > 5".
const eachValueType = (field: Field): FieldType | undefined => {
  const own = valueType(field);
  const result = String(field.options.result?.type);
  return (own === "lookup" || own === "rollup") && COMPARED_TYPES.includes(result) ? (result as FieldType) : undefined;
};

// The filter operators the API accepts for the field.
export const operatorsOf = (field: Field): string[] => {
  const own = FIELD_TYPES[valueType(field)].operators;
  const each = eachValueType(field);
  return each ? [...own, ...FIELD_TYPES[each].operators.filter((op) => !own.includes(op))] : own;
};

// The type of the value a condition compares with: a lookup's values'
// for the operators of their type.
export const filterValueType = (field: Field, operator: string): FieldType => {
  const each = eachValueType(field);
  return each && !FIELD_TYPES[valueType(field)].operators.includes(operator) ? each : valueType(field);
};

const OPERATOR_LABELS: Record<string, string> = {
  is: "is",
  isNot: "is not",
  contains: "contains",
  doesNotContain: "does not contain",
  isEmpty: "is empty",
  isNotEmpty: "is not empty",
  isGreater: ">",
  isGreaterEqual: "≥",
  isLess: "<",
  isLessEqual: "≤",
  hasAnyOf: "has any of",
  hasAllOf: "has all of",
  isNoneOf: "has none of",
};

// How the filter panel names an operator for the field: a link "is" a
// record when it links to it, among others.
export const operatorLabel = (field: Field, operator: string) =>
  field.type === "link" && operator === "is" ? "links to" : OPERATOR_LABELS[operator];

export const operatorNeedsValue = (operator: string) => operator !== "isEmpty" && operator !== "isNotEmpty";

export const isWritable = (field: Field) => !field.isComputed && !FIELD_TYPES[field.type].computed;

export const CHOICE_COLORS = ["blue", "cyan", "teal", "green", "yellow", "orange", "red", "pink", "purple", "gray"];
