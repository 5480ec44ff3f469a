"use client";

import { useActionState } from "react";
import { addWordAction, type WordFormState } from "@/app/admin/actions";
import { Field } from "@/components/ui/Field";

export function AddWordForm() {
  const [state, action, pending] = useActionState<WordFormState, FormData>(addWordAction, {});
  // a refusal (role, session) is about the request, not the word: an alert, not a field error
  const formError = state.error && !state.fields?.word ? state.error : null;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" noValidate>
      {formError && (
        <p role="alert" className="w-full rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {formError}
        </p>
      )}
      <div className="flex-1">
        <Field label="Add a word" name="word" error={state.fields?.word}>
          {(props) => <input {...props} defaultValue={state.word} key={state.added ?? "form"} className="input" />}
        </Field>
      </div>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        Add
      </button>
      <p role="status" className="sr-only">
        {state.added ? `Added ${state.added}.` : ""}
      </p>
    </form>
  );
}
