"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { importRulesAction } from "@/app/rules/actions";

/** Import a rule-set file (YAML or JSON): every changed rule becomes a draft for a second person to publish. */
export function ImportRulesForm() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
        if (!file) return setMessage({ error: true, text: "Choose a .yaml or .json file first." });
        start(async () => {
          const r = await importRulesAction({ text: await file.text(), filename: file.name });
          if (!r.ok) return setMessage({ error: true, text: r.error.message });
          const { created, drafted, unchanged } = r.data;
          setMessage({ error: false, text: `Imported as drafts: ${created.length} new, ${drafted.length} changed, ${unchanged.length} unchanged. A second person publishes each.` });
          router.refresh();
        });
      }}
    >
      <div>
        <label htmlFor="rule-set-file" className="block text-sm font-medium">Import a rule set (YAML or JSON)</label>
        <input id="rule-set-file" name="file" type="file" accept=".yaml,.yml,.json,application/json,text/yaml" className="text-sm" />
      </div>
      <button type="submit" className="btn btn-secondary" disabled={pending}>{pending ? "Importing…" : "Import"}</button>
      {message && <p role={message.error ? "alert" : "status"} className={`w-full text-sm ${message.error ? "text-red-800" : "text-green-800"}`}>{message.text}</p>}
    </form>
  );
}
