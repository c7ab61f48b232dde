// A button that opens a list of actions: arrow keys move between items,
// Escape or a click elsewhere closes it and returns focus to the button.
// The list stays inside the window on any screen (usePlacement).
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

import { usePlacement, type Align, type Side } from "./usePlacement";

export interface MenuItem {
  label: string;
  onSelect(): void;
  danger?: boolean;
}

interface MenuProps {
  label: string;
  button: ReactNode;
  items: MenuItem[];
  className?: string;
  placement?: Side;
  // Which edge of the list lines up with the button's.
  align?: Align;
  // -1 where a composite widget (the grid) moves focus to the button itself.
  buttonTabIndex?: number;
}

export function Menu({
  label,
  button,
  items,
  className,
  placement = "below",
  align = "end",
  buttonTabIndex,
}: MenuProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const menuId = useId();
  const position = usePlacement(open, buttonRef, listRef, placement, align);

  useEffect(() => {
    if (!open) return;
    listRef.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    const closeOnOutsideClick = (event: MouseEvent) => {
      if (!listRef.current?.contains(event.target as Node) && !buttonRef.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener("mousedown", closeOnOutsideClick);
    return () => document.removeEventListener("mousedown", closeOnOutsideClick);
  }, [open]);

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    const entries = Array.from(listRef.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? []);
    const index = entries.indexOf(document.activeElement as HTMLElement);
    if (event.key === "Escape") close();
    else if (event.key === "ArrowDown") entries[(index + 1) % entries.length]?.focus();
    else if (event.key === "ArrowUp") entries[(index - 1 + entries.length) % entries.length]?.focus();
    else if (event.key === "Tab") setOpen(false);
    else return;
    event.preventDefault();
  }

  return (
    <div className={`menu ${className ?? ""}`}>
      <button
        ref={buttonRef}
        type="button"
        className="menu-button"
        tabIndex={buttonTabIndex}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(!open)}
      >
        {button}
      </button>
      {open && (
        <ul
          ref={listRef}
          id={menuId}
          role="menu"
          aria-label={label}
          className="menu-list"
          style={position}
          onKeyDown={onKeyDown}
        >
          {items.map((item) => (
            <li key={item.label} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={item.danger ? "danger-text" : undefined}
                onClick={() => {
                  // The button, not the vanishing item, is what a dialog
                  // opened from here returns focus to.
                  close();
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
