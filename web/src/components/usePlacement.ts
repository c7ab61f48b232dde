// Places a menu or popover panel next to the button that opened it, inside
// the window on every screen size: below the button, or above it when there
// is no room below (or when asked for), and shifted sideways so no edge is
// off-screen. The panel is position: fixed, so no scrolling container or
// navigation rail can cover or clip it.
import { useLayoutEffect, useState, type CSSProperties, type RefObject } from "react";

const MARGIN = 8;
const GAP = 4;

export type Side = "below" | "above";
export type Align = "start" | "end";

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

// Where a panel of `panel`'s size goes for a button at `anchor` in a window
// of `view` size (pure, for tests).
export function placePanel(
  anchor: Box,
  panel: { width: number; height: number },
  view: { width: number; height: number },
  side: Side,
  align: Align,
): { top: number; left: number } {
  const below = anchor.top + anchor.height + GAP;
  const above = anchor.top - GAP - panel.height;
  const fitsBelow = below + panel.height <= view.height - MARGIN;
  const fitsAbove = above >= MARGIN;
  const top = side === "above" ? (fitsAbove || !fitsBelow ? above : below) : fitsBelow || !fitsAbove ? below : above;
  const preferred = align === "end" ? anchor.left + anchor.width - panel.width : anchor.left;
  const left = Math.max(MARGIN, Math.min(preferred, view.width - MARGIN - panel.width));
  return { top: Math.max(MARGIN, top), left };
}

export function usePlacement(
  open: boolean,
  anchor: RefObject<HTMLElement | null>,
  panel: RefObject<HTMLElement | null>,
  side: Side,
  align: Align,
): CSSProperties {
  // Measured before the browser paints (a layout effect), so the first
  // place is never seen; hidden would keep focus from the panel meanwhile.
  const [style, setStyle] = useState<CSSProperties>({ position: "fixed", top: 0, left: 0 });

  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      if (!anchor.current || !panel.current) return;
      const box = anchor.current.getBoundingClientRect();
      const size = panel.current.getBoundingClientRect();
      const at = placePanel(box, size, { width: window.innerWidth, height: window.innerHeight }, side, align);
      setStyle({ position: "fixed", top: at.top, left: at.left, maxWidth: window.innerWidth - 2 * MARGIN });
    };
    place();
    window.addEventListener("resize", place);
    window.addEventListener("scroll", place, true);
    return () => {
      window.removeEventListener("resize", place);
      window.removeEventListener("scroll", place, true);
      setStyle({ position: "fixed", top: 0, left: 0 });
    };
  }, [open, anchor, panel, side, align]);

  return style;
}
