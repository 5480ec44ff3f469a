"use client";

import { useState, useTransition } from "react";
import { publishRuleAction } from "@/app/rules/actions";

/**
 * Publish a draft. When this person may not (they wrote it, its examples fail, their role), the
 * button stays visible but disabled, with the reason tied to it — the server refuses the same way.
 */
export function PublishButton({ ruleKey, version, edit, allowed, reason }: { ruleKey: string; version: number; edit: number; allowed: boolean; reason: string | null }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  return (
    <div className="space-y-1">
      <button
        type="button"
        className="btn btn-primary"
        disabled={!allowed || pending}
        aria-describedby={reason ? "publish-reason" : undefined}
        onClick={() =>
          start(async () => {
            const r = await publishRuleAction({ key: ruleKey, version, edit });
            setMessage(r.ok ? { error: false, text: `Published version ${r.data.version}: the checks use it from the next run.` } : { error: true, text: r.error.message });
          })
        }
      >
        Publish version {version}
      </button>
      {reason && (
        <p id="publish-reason" className="text-sm text-stone-700">
          {reason}
        </p>
      )}
      {message && (
        <p role={message.error ? "alert" : "status"} className={`text-sm ${message.error ? "text-red-800" : "text-green-800"}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
