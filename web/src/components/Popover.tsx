// A button that shows a panel of controls under it (not modal): Escape or a
// click outside closes it and returns focus to the button. The panel stays
// inside the window on any screen (usePlacement).
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

import { usePlacement } from "./usePlacement";

interface PopoverProps {
  label: string;
  button: ReactNode;
  active?: boolean;
  children: ReactNode;
}

export function Popover({ label, button, active, children }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const position = usePlacement(open, buttonRef, panel, "below", "start");

  useEffect(() => {
    if (!open) return;
    const closeOnOutsideClick = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", closeOnOutsideClick);
    return () => document.removeEventListener("mousedown", closeOnOutsideClick);
  }, [open]);

  return (
    <div className="popover" ref={root}>
      <button
        ref={buttonRef}
        type="button"
        className={active ? "toolbar-button active" : "toolbar-button"}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {button}
      </button>
      {open && (
        <div
          ref={panel}
          style={position}
          id={panelId}
          role="group"
          aria-label={label}
          className="popover-panel"
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              setOpen(false);
              buttonRef.current?.focus();
            }
          }}
        >
          {children}
        </div>
      )}
    </div>
  );
}
