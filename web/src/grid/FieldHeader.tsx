// A column header: the field's type icon and name, and a menu: for those
// who may change the schema, edit (name, description, type, options),
// rename or delete the field; for those who may change views (editors
// too), hide it in the view. The grid makes the
// header a cell of its keyboard navigation (cellProps); the menu button is
// reached from there, not by Tab.
import type { Field } from "../api/types";
import { Menu } from "../components/Menu";
import { FIELD_TYPES } from "./fieldTypes";

interface FieldHeaderProps {
  field: Field;
  className: string;
  cellProps: object;
  schemaEditable: boolean;
  viewEditable: boolean;
  onEdit(): void;
  onRename(): void;
  onHide(): void;
  onDelete(): void;
}

export function FieldHeader({
  field,
  className,
  cellProps,
  schemaEditable,
  viewEditable,
  onEdit,
  onRename,
  onHide,
  onDelete,
}: FieldHeaderProps) {
  const type = FIELD_TYPES[field.type];
  const items = [
    ...(schemaEditable
      ? [
          { label: "Edit field", onSelect: onEdit },
          { label: "Rename field", onSelect: onRename },
        ]
      : []),
    ...(viewEditable && !field.isPrimary ? [{ label: "Hide in this view", onSelect: onHide }] : []),
    ...(schemaEditable && !field.isPrimary ? [{ label: "Delete field", danger: true, onSelect: onDelete }] : []),
  ];
  return (
    <div
      role="columnheader"
      className={`field-header${className}`}
      title={`${field.name} (${type.label})`}
      {...cellProps}
    >
      <span className="field-icon" aria-hidden="true">
        {type.icon}
      </span>
      <span className="field-name">{field.name}</span>
      <span className="visually-hidden">({type.label})</span>
      {items.length > 0 && <Menu label={`Field ${field.name} actions`} button="▾" buttonTabIndex={-1} items={items} />}
    </div>
  );
}
