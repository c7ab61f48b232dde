// Create Token and Edit token: name, description, the four scope presets
// with their descriptions, fine-grained actions, a picker of spaces and
// bases, and (when creating) the expiration. Validates inline.
import { useEffect, useState, type FormEvent } from "react";

import { errorMessage, get, patch, post } from "../api/client";
import type { AccessToken, Base, CreatedToken, ScopeCatalogue, Space } from "../api/types";
import { Dialog } from "../components/Dialog";
import { ErrorMessage } from "../components/ErrorMessage";
import { FormActions } from "../components/FormActions";
import { useAction } from "../lib/useAction";
import { exactDate, localDateInputValue } from "../lib/time";
import { PresetChoices, ResourcePicker, toggle } from "./GrantChoices";
import {
  customDateBounds,
  expiresAt,
  grantedActions,
  initialState,
  requestBody,
  validate,
  type ExpiryChoice,
  type TokenFormErrors,
  type TokenFormState,
} from "./tokenForm";

interface TokenFormDialogProps {
  catalogue: ScopeCatalogue;
  token?: AccessToken; // editing this one; creating when absent
  onClose(): void;
  onSaved(token: AccessToken | CreatedToken): void;
}

const EXPIRY_LABELS: Record<ExpiryChoice, string> = {
  "7": "7 days",
  "30": "30 days",
  "60": "60 days",
  "90": "90 days",
  custom: "Custom date…",
  never: "No expiration",
};

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

export function TokenFormDialog({ catalogue, token, onClose, onSaved }: TokenFormDialogProps) {
  const creating = !token;
  const [state, setState] = useState<TokenFormState>(() => initialState(token));
  const [errors, setErrors] = useState<TokenFormErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const { busy, error: serverError, setError: setServerError, run } = useAction();
  const [spaces, setSpaces] = useState<Space[]>([]);
  const [bases, setBases] = useState<Base[]>([]);

  useEffect(() => {
    Promise.all([get<{ spaces: Space[] }>("/api/space"), get<{ bases: Base[] }>("/api/base")])
      .then(([s, b]) => {
        setSpaces(s.spaces);
        setBases(b.bases);
      })
      .catch((failure) => setServerError(errorMessage(failure)));
  }, []);

  function change(next: Partial<TokenFormState>) {
    const updated = { ...state, ...next };
    setState(updated);
    if (submitted) setErrors(validate(updated, catalogue, creating));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    const found = validate(state, catalogue, creating);
    setErrors(found);
    if (Object.keys(found).length) {
      document.querySelector<HTMLElement>(`[aria-invalid="true"]`)?.focus();
      return;
    }
    const body = requestBody(state, creating);
    await run(async () =>
      onSaved(
        creating
          ? await post<CreatedToken>("/api/access-token", body)
          : await patch<AccessToken>(`/api/access-token/${token.id}`, body),
      ),
    );
  }

  const granted = grantedActions(state.scopes, catalogue);
  const presetNames = new Set(catalogue.presets.map((p) => p.name));
  const { min, max } = customDateBounds(catalogue);
  const expiryChoices = (Object.keys(EXPIRY_LABELS) as ExpiryChoice[]).filter(
    (c) => c !== "never" || catalogue.expiry.allowNonExpiring,
  );
  const preview = state.expiry === "custom" && !state.customDate ? undefined : expiresAt(state);

  return (
    <Dialog title={creating ? "Create Token" : `Edit token “${token.name}”`} onClose={onClose} wide>
      <form className="form token-form" onSubmit={submit} noValidate>
        <label>
          Name
          <input
            autoFocus
            value={state.name}
            placeholder="e.g. MCP Server, CI/CD Pipeline"
            aria-invalid={!!errors.name}
            aria-describedby="token-name-error"
            onChange={(e) => change({ name: e.target.value })}
          />
        </label>
        <FieldError id="token-name-error" message={errors.name} />
        <label>
          <span>
            Description <span className="muted">(optional)</span>
          </span>
          <input value={state.description} maxLength={1000} onChange={(e) => change({ description: e.target.value })} />
        </label>

        <fieldset aria-invalid={!!errors.scopes} aria-describedby="token-scopes-error">
          <legend>Scopes</legend>
          <PresetChoices presets={catalogue.presets} scopes={state.scopes} onChange={(scopes) => change({ scopes })} />
          <details className="advanced">
            <summary>Fine-grained actions</summary>
            <div className="action-grid">
              {catalogue.actions.map((action) => {
                const viaPreset = granted.has(action.name) && !state.scopes.includes(action.name);
                return (
                  <label key={action.name} className="choice small" title={action.description}>
                    <input
                      type="checkbox"
                      checked={granted.has(action.name)}
                      disabled={viaPreset}
                      onChange={(e) => change({ scopes: toggle(state.scopes, action.name, e.target.checked) })}
                    />
                    <span>
                      <code>{action.name}</code>
                      <span className="choice-description">
                        {viaPreset ? "included in a preset" : action.description}
                      </span>
                    </span>
                  </label>
                );
              })}
            </div>
          </details>
          <FieldError id="token-scopes-error" message={errors.scopes} />
          {state.scopes.some((s) => !presetNames.has(s)) && (
            <p className="hint">Extra actions: {state.scopes.filter((s) => !presetNames.has(s)).join(", ")}</p>
          )}
        </fieldset>

        <fieldset aria-invalid={!!errors.access} aria-describedby="token-access-error">
          <legend>Access</legend>
          <label className="choice">
            <input
              type="radio"
              name="access"
              checked={!state.restricted}
              onChange={() => change({ restricted: false })}
            />
            <span>
              <strong>All spaces and bases</strong>
              <span className="choice-description">Everything you can reach, including what you create later.</span>
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="access"
              checked={state.restricted}
              onChange={() => change({ restricted: true })}
            />
            <span>
              <strong>Only selected spaces and bases</strong>
              <span className="choice-description">A space includes every base in it, now and later.</span>
            </span>
          </label>
          {state.restricted && (
            <ResourcePicker
              spaces={spaces}
              bases={bases}
              spaceIds={state.spaceIds}
              baseIds={state.baseIds}
              onChange={change}
            />
          )}
          <FieldError id="token-access-error" message={errors.access} />
        </fieldset>

        {creating && (
          <fieldset aria-invalid={!!errors.expiry} aria-describedby="token-expiry-error">
            <legend>Expiration</legend>
            <label>
              Expires in
              <select value={state.expiry} onChange={(e) => change({ expiry: e.target.value as ExpiryChoice })}>
                {expiryChoices.map((choice) => (
                  <option key={choice} value={choice}>
                    {EXPIRY_LABELS[choice]}
                  </option>
                ))}
              </select>
            </label>
            {state.expiry === "custom" && (
              <label>
                Expiration date
                <input
                  type="date"
                  min={localDateInputValue(min)}
                  max={localDateInputValue(max)}
                  value={state.customDate}
                  aria-invalid={!!errors.expiry}
                  onChange={(e) => change({ customDate: e.target.value })}
                />
              </label>
            )}
            <p className="hint">
              {preview === undefined
                ? ""
                : preview
                  ? `The token expires on ${exactDate(preview)}.`
                  : "The token never expires. Refresh or delete it when it is no longer needed."}
            </p>
            <FieldError id="token-expiry-error" message={errors.expiry} />
          </fieldset>
        )}

        <ErrorMessage message={serverError} />
        <FormActions submitLabel={creating ? "Create" : "Save"} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
