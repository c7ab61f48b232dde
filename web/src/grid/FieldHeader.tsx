// A column header: the field's type icon and name, and for those who may
// change the schema a menu to edit (name, description, type, options),
// rename, hide in the view, or delete it. The grid makes the
// header a cell of its keyboard navigation (cellProps); the menu button is
// reached from there, not by Tab.
import type { Field } from "../api/types";
import { Menu } from "../components/Menu";
import { FIELD_TYPES } from "./fieldTypes";

interface FieldHeaderProps {
  field: Field;
  className: string;
  cellProps: object;
  editable: boolean;
  onEdit(): void;
  onRename(): void;
  onHide(): void;
  onDelete(): void;
}

export function FieldHeader({
  field,
  className,
  cellProps,
  editable,
  onEdit,
  onRename,
  onHide,
  onDelete,
}: FieldHeaderProps) {
  const type = FIELD_TYPES[field.type];
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
      {editable && (
        <Menu
          label={`Field ${field.name} actions`}
          button="▾"
          buttonTabIndex={-1}
          items={[
            { label: "Edit field", onSelect: onEdit },
            { label: "Rename field", onSelect: onRename },
            ...(field.isPrimary
              ? []
              : [
                  { label: "Hide in this view", onSelect: onHide },
                  { label: "Delete field", danger: true, onSelect: onDelete },
                ]),
          ]}
        />
      )}
    </div>
  );
}
