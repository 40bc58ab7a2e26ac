"use client";

import { useEffect, useMemo, useState, type ChangeEvent, type FormEvent } from "react";
import type { z } from "zod";
import type { ActionState } from "@/lib/forms/action-state";
import { validate, type FieldErrors } from "@/lib/forms/validate";

/**
 * Form state that validates as you type (a field is checked once it has been left or the form
 * submitted) and shows the server action's field errors until that field is edited again.
 * On success the browser does a full navigation, so every store starts from the new session.
 */
export function useLiveForm<V extends Record<string, string>>(
  schema: z.ZodType,
  initial: V,
  state: ActionState,
) {
  const [values, setValues] = useState<V>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [serverErrors, setServerErrors] = useState<FieldErrors>(state.fieldErrors);
  const [seenAt, setSeenAt] = useState(state.at);
  if (state.at !== seenAt) {
    setSeenAt(state.at);
    setServerErrors(state.fieldErrors);
  }

  const clientErrors = useMemo(() => validate(schema, values).errors ?? {}, [schema, values]);

  useEffect(() => {
    if (state.ok && state.redirectTo) window.location.assign(state.redirectTo);
  }, [state]);

  const error = (name: keyof V & string): string | undefined =>
    (touched.has(name) ? clientErrors[name] : undefined) ?? serverErrors[name];

  const bind = (name: keyof V & string) => ({
    name,
    value: values[name],
    error: error(name),
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      setValues((v) => ({ ...v, [name]: e.target.value }));
      if (serverErrors[name]) setServerErrors(({ [name]: _dropped, ...rest }) => rest);
    },
    onBlur: () => setTouched((t) => new Set(t).add(name)),
  });

  /** Blocks submitting while the browser-side checks fail, showing every message. */
  const guard = (event: FormEvent<HTMLFormElement>) => {
    if (Object.keys(clientErrors).length > 0) {
      event.preventDefault();
      setTouched(new Set(Object.keys(values)));
    }
  };

  return { values, setValues, bind, guard, formError: serverErrors.form, error };
}
