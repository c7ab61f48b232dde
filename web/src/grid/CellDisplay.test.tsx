import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import type { Field, FieldType } from "../api/types";
import { CellDisplay } from "./CellDisplay";

const field = (type: FieldType, options: Field["options"] = {}): Field => ({
  id: "fld1",
  name: "F",
  type,
  description: "",
  options,
  isPrimary: false,
  isComputed: false,
});

describe("CellDisplay", () => {
  it("shows numbers with the field's precision", () => {
    const { container } = render(<CellDisplay field={field("number", { precision: 1 })} value={3} />);
    expect(container.textContent).toBe("3.0");
  });

  it("shows thousands separators", () => {
    const { container } = render(<CellDisplay field={field("number", { precision: 2 })} value={1234567.5} />);
    expect(container.textContent).toBe("1,234,567.50");
  });

  it("shows a formula's value by its result's type", () => {
    const number = render(<CellDisplay field={field("formula", { result: { type: "number" } })} value={1234.5} />);
    expect(number.container.textContent).toBe("1,234.5");
    render(<CellDisplay field={field("formula", { result: { type: "boolean" } })} value={true} />);
    expect(screen.getByLabelText("true").textContent).toBe("✓");
    const date = render(
      <CellDisplay field={field("formula", { result: { type: "date" } })} value="2026-03-01T09:30:00.000Z" />,
    );
    expect(date.container.textContent).toBe("Mar 1, 2026, 9:30 AM");
  });

  it("shows linked records as chips of their titles, an empty title as Unnamed record", () => {
    const { container } = render(
      <CellDisplay
        field={field("link", { linkedTableId: "tbl1", relationship: "manyMany" })}
        value={[
          { id: "rec1", title: "Apollo" },
          { id: "rec2", title: "" },
        ]}
      />,
    );
    const chips = container.querySelectorAll(".link-chip");
    expect(Array.from(chips, (chip) => chip.textContent)).toEqual(["Apollo", "Unnamed record"]);
  });

  it("shows a lookup's values joined, and a broken lookup's error", () => {
    const lookup = field("lookup", { result: { type: "number" } });
    const values = render(<CellDisplay field={lookup} value={[250, 100]} />);
    expect(values.container.textContent).toBe("250, 100");
    values.unmount();
    const broken = render(<CellDisplay field={lookup} value={{ error: "#ERROR!" }} />);
    expect(broken.container.textContent).toBe("#ERROR!");
    broken.unmount();
  });

  it("shows a broken formula's error, with why on hover", () => {
    const broken = field("formula", { result: { type: "number" }, error: "The field {fldX} no longer exists at 1." });
    render(<CellDisplay field={broken} value={{ error: "#ERROR!" }} />);
    expect(screen.getByText("#ERROR!").title).toBe("The field {fldX} no longer exists at 1.");
  });

  it("shows choices as pills in their colours", () => {
    const choices = [{ name: "Doing", color: "orange" }];
    render(<CellDisplay field={field("singleSelect", { choices })} value="Doing" />);
    expect(screen.getByText("Doing").className).toBe("pill pill-orange");
  });

  it("shows a rating out of its maximum", () => {
    render(<CellDisplay field={field("rating", { max: 5 })} value={3} />);
    expect(screen.getByLabelText("3 of 5").textContent).toBe("★★★★★");
  });

  it("opens links in a new tab without giving it this page", () => {
    render(<CellDisplay field={field("url")} value="https://example.com" />);
    const link = screen.getByRole("link");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toBe("noopener noreferrer");
  });

  it("shows dates in UTC when the field has no time", () => {
    const { container } = render(<CellDisplay field={field("date")} value="2026-12-24" />);
    expect(container.textContent).toBe("Dec 24, 2026");
  });

  it("shows nothing for an empty cell or an unchecked box", () => {
    expect(render(<CellDisplay field={field("singleLineText")} value={undefined} />).container.textContent).toBe("");
    expect(render(<CellDisplay field={field("checkbox")} value={false} />).container.textContent).toBe("");
  });

  it("marks the search where it occurs in text, whatever its case", () => {
    const { container } = render(
      <CellDisplay field={field("singleLineText")} value="Part-21 and part-2" search="PART-2" />,
    );
    expect(Array.from(container.querySelectorAll("mark"), (mark) => mark.textContent)).toEqual(["Part-2", "part-2"]);
    expect(container.textContent).toBe("Part-21 and part-2");
  });
});
