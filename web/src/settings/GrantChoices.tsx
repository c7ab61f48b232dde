// The choices every grant of access offers, shared by Create Token and the
// OAuth consent page: the four scope presets with their descriptions, and
// the picker of spaces and bases a grant may be restricted to.
import type { Base, ScopePreset, Space } from "../api/types";

export function toggle(list: string[], item: string, on: boolean): string[] {
  return on ? [...new Set([...list, item])] : list.filter((x) => x !== item);
}

export function PresetChoices({
  presets,
  scopes,
  onChange,
}: {
  presets: ScopePreset[];
  scopes: string[];
  onChange(scopes: string[]): void;
}) {
  return (
    <>
      {presets.map((preset) => (
        <label key={preset.name} className="choice">
          <input
            type="checkbox"
            checked={scopes.includes(preset.name)}
            onChange={(e) => onChange(toggle(scopes, preset.name, e.target.checked))}
          />
          <span>
            <strong>{preset.label}</strong>
            <span className="choice-description">{preset.description}</span>
          </span>
        </label>
      ))}
    </>
  );
}

export function ResourcePicker({
  spaces,
  bases,
  spaceIds,
  baseIds,
  onChange,
}: {
  spaces: Space[];
  bases: Base[];
  spaceIds: string[];
  baseIds: string[];
  onChange(next: { spaceIds?: string[]; baseIds?: string[] }): void;
}) {
  return (
    <ul className="resource-picker" aria-label="Spaces and bases">
      {spaces.map((space) => {
        const wholeSpace = spaceIds.includes(space.id);
        return (
          <li key={space.id}>
            <label className="choice small">
              <input
                type="checkbox"
                checked={wholeSpace}
                onChange={(e) => onChange({ spaceIds: toggle(spaceIds, space.id, e.target.checked) })}
              />
              <span>
                <strong>{space.name}</strong> <span className="muted">space</span>
              </span>
            </label>
            <ul>
              {bases
                .filter((base) => base.spaceId === space.id)
                .map((base) => (
                  <li key={base.id}>
                    <label className="choice small">
                      <input
                        type="checkbox"
                        checked={wholeSpace || baseIds.includes(base.id)}
                        disabled={wholeSpace}
                        onChange={(e) => onChange({ baseIds: toggle(baseIds, base.id, e.target.checked) })}
                      />
                      <span>
                        {base.name} <span className="muted">base</span>
                      </span>
                    </label>
                  </li>
                ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
