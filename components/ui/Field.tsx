import type { ReactNode } from "react";

interface FieldProps {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  /** render the control with the id/name/aria props wired to the label and error */
  children: (props: { id: string; name: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => ReactNode;
  idPrefix?: string;
}

/** A labelled form control whose error is tied to it with aria-describedby. */
export function Field({ label, name, error, hint, children, idPrefix = "f" }: FieldProps) {
  const id = `${idPrefix}-${name}`;
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {children({ id, name, "aria-invalid": error ? true : undefined, "aria-describedby": described })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-stone-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
