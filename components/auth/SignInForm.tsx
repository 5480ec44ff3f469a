"use client";

import { useActionState } from "react";
import { signIn, type SignInState } from "@/app/signin/actions";
import { Field } from "@/components/ui/Field";

export function SignInForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {state.error}
        </p>
      )}
      <Field label="E-mail" name="email" error={state.fields?.email}>
        {(props) => <input {...props} type="email" autoComplete="username" defaultValue={state.email} className="input" />}
      </Field>
      <Field label="Password" name="password" error={state.fields?.password}>
        {(props) => <input {...props} type="password" autoComplete="current-password" className="input" />}
      </Field>
      {next && <input type="hidden" name="next" value={next} />}
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
