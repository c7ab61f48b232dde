// A modal dialog on the native <dialog> element: showModal() makes the rest
// of the page inert, Tab and Shift+Tab cycle inside it (never out to the
// browser's own controls), Escape closes it. It opens with focus on its
// first field (else on a [data-autofocus] control, else the first footer
// button, never on ×), and when it closes focus returns to where it was,
// or, if that is gone (a deleted row's button), to what took its place.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";

const FOCUSABLE = "button, [href], input, select, textarea, summary, [tabindex]:not([tabindex='-1'])";

// What Tab reaches on the page outside dialogs, in order.
function tabStops(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (element) =>
      element.tabIndex >= 0 &&
      !element.matches(":disabled") &&
      !element.closest("dialog") &&
      element.offsetParent !== null,
  );
}

function firstFocus(dialog: HTMLDialogElement): HTMLElement | null {
  return (
    dialog.querySelector<HTMLElement>(
      ".dialog-body :is(input:not([readonly]):not([type=hidden]), select, textarea):not(:disabled)",
    ) ??
    dialog.querySelector<HTMLElement>("[data-autofocus]") ??
    dialog.querySelector<HTMLElement>(".dialog-footer button")
  );
}

function keepFocusInside(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== "Tab") return;
  const focusable = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (element) => !element.matches(":disabled") && element.offsetParent !== null,
  );
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last?.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first?.focus();
  }
}

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}

export function Dialog({ title, onClose, children, footer, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    const openerPlace = opener ? tabStops().indexOf(opener) : -1;
    dialog.showModal();
    firstFocus(dialog)?.focus();
    return () => {
      dialog.close();
      if (opener?.isConnected) {
        opener.focus();
      } else if (openerPlace >= 0) {
        const stops = tabStops();
        stops[Math.min(openerPlace, stops.length - 1)]?.focus();
      }
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? "dialog dialog-wide" : "dialog"}
      aria-labelledby={titleId}
      onKeyDown={keepFocusInside}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer && <footer className="dialog-footer">{footer}</footer>}
    </dialog>
  );
}
