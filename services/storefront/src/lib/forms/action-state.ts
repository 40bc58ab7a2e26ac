/** What a form's server action answers: success with where to go, or errors by field. */
import type { FieldErrors } from "./validate";

export interface ActionState {
  ok: boolean;
  /** Where the browser goes after success (a same-site path). */
  redirectTo?: string;
  message?: string;
  fieldErrors: FieldErrors;
  /** Changes on every answer, so the form can tell a new answer from the previous one. */
  at: number;
}

export const initialActionState: ActionState = { ok: false, fieldErrors: {}, at: 0 };

export function failed(fieldErrors: FieldErrors): ActionState {
  return { ok: false, fieldErrors, at: Date.now() };
}

export function succeeded(extra: Partial<ActionState> = {}): ActionState {
  return { ok: true, fieldErrors: {}, at: Date.now(), ...extra };
}
