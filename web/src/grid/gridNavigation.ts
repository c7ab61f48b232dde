// Where a key moves the grid's cursor. Row -1 is the header row; column -1
// is the row-selection column, and the header has one more column at the
// end (Add field). Keys that do not move answer null.
export interface Position {
  row: number;
  col: number;
}

export interface GridSize {
  rows: number;
  fields: number;
}

const PAGE_ROWS = 10;

function lastCol(row: number, size: GridSize) {
  return row === -1 ? size.fields : size.fields - 1;
}

function clamp(position: Position, size: GridSize): Position {
  const row = Math.max(-1, Math.min(position.row, size.rows - 1));
  return { row, col: Math.max(-1, Math.min(position.col, lastCol(row, size))) };
}

export function keyMove(key: string, ctrl: boolean, from: Position, size: GridSize): Position | null {
  const { row, col } = from;
  switch (key) {
    case "ArrowUp":
      return clamp({ row: row - 1, col }, size);
    case "ArrowDown":
      return clamp({ row: row + 1, col }, size);
    case "ArrowLeft":
      return clamp({ row, col: col - 1 }, size);
    case "ArrowRight":
      return clamp({ row, col: col + 1 }, size);
    case "PageUp":
      return clamp({ row: Math.max(0, row - PAGE_ROWS), col }, size);
    case "PageDown":
      return clamp({ row: row + PAGE_ROWS, col }, size);
    case "Home":
      return clamp(ctrl ? { row: 0, col } : { row, col: -1 }, size);
    case "End":
      return clamp(ctrl ? { row: size.rows - 1, col } : { row, col: lastCol(row, size) }, size);
    default:
      return null;
  }
}

// Where an edit's end moves the cursor: Enter goes down, Tab sideways.
export type EditMove = "down" | "right" | "left" | "stay";

export function editMove(move: EditMove, from: Position, size: GridSize): Position {
  switch (move) {
    case "down":
      return clamp({ row: from.row + 1, col: from.col }, size);
    case "right":
      return clamp({ row: from.row, col: from.col + 1 }, size);
    case "left":
      return clamp({ row: from.row, col: Math.max(0, from.col - 1) }, size);
    case "stay":
      return from;
  }
}
