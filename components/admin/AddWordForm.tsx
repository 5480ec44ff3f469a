"use client";

import { useActionState } from "react";
import { addWordAction, type WordFormState } from "@/app/admin/actions";
import { Field } from "@/components/ui/Field";

export function AddWordForm() {
  const [state, action, pending] = useActionState<WordFormState, FormData>(addWordAction, {});
  return (
    <form action={action} className="flex items-end gap-2" noValidate>
      <div className="flex-1">
        <Field label="Add a word" name="word" error={state.fields?.word ?? state.error}>
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
