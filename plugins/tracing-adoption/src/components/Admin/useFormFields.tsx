import { TextField, TextFieldProps } from '@material-ui/core';
import { useState } from 'react';

/**
 * Text form state with its field errors, and a TextField bound to each
 * field. Values stay text until the form is saved.
 */
export function useFormFields<F extends Record<string, string>>(
  idPrefix: string,
  initial: () => F,
) {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof F, string>>>({});

  const field = (
    name: keyof F & string,
    label: string,
    extra: TextFieldProps = {},
  ) => (
    <TextField
      {...extra}
      id={`${idPrefix}-${name}`}
      label={label}
      fullWidth
      value={form[name]}
      onChange={e => setForm(f => ({ ...f, [name]: e.target.value }))}
      error={Boolean(errors[name])}
      helperText={errors[name] ?? extra.helperText}
    />
  );

  /** Sets the errors and tells whether there are none. */
  const check = (found: Partial<Record<keyof F, string>>) => {
    setErrors(found);
    return Object.keys(found).length === 0;
  };

  return { form, setForm, field, check };
}

/** `Required` for each of `fields` left empty. */
export function missing<F extends Record<string, string>>(
  form: F,
  fields: Array<keyof F>,
): Partial<Record<keyof F, string>> {
  const errors: Partial<Record<keyof F, string>> = {};
  for (const name of fields) {
    if (!form[name].trim()) {
      errors[name] = 'Required';
    }
  }
  return errors;
}
