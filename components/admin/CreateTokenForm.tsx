"use client";

import { useActionState } from "react";
import { createTokenAction, type TokenFormState } from "@/app/admin/tokens/actions";
import { Field } from "@/components/ui/Field";

export function CreateTokenForm({ users }: { users: { id: string; name: string; role: string }[] }) {
  const [state, action, pending] = useActionState<TokenFormState, FormData>(createTokenAction, {});
  return (
    <div className="space-y-3">
      <form action={action} className="flex flex-wrap items-end gap-3 rounded border border-stone-300 bg-white p-3" noValidate>
        <div className="min-w-48 flex-1">
          <Field label="Token name" name="name" error={state.fields?.name}>
            {(props) => <input {...props} className="input" placeholder="CMS import" />}
          </Field>
        </div>
        <div>
          <Field label="Acts as" name="userId" error={state.fields?.userId} hint="Made for someone else, it still never approves a change you wrote.">
            {(props) => (
              <select {...props} className="input">
                {users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name} ({u.role})
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          Create token
        </button>
      </form>
      {state.error && (
        <p role="alert" className="text-sm text-red-800">
          {state.error}
        </p>
      )}
      {state.created && (
        <div role="status" className="rounded border border-green-700 bg-green-50 p-3 text-sm">
          <p className="font-semibold">Token “{state.created.name}” — copy it now; it will not be shown again:</p>
          <code className="mt-1 block break-all font-mono" data-testid="new-token">
            {state.created.token}
          </code>
        </div>
      )}
    </div>
  );
}
