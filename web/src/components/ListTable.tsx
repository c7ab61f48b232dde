// The table of a list page (tokens, connected apps, the admin's apps and
// connections): a caption for screen readers, a heading per column and a
// last, unnamed column for each row's buttons. Rows are the children.
import type { ReactNode } from "react";

interface ListTableProps {
  caption: string;
  columns: string[];
  children: ReactNode;
}

export function ListTable({ caption, columns, children }: ListTableProps) {
  return (
    <table className="token-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
