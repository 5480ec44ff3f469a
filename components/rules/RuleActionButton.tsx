"use client";

import { useRouter } from "next/navigation";
import { restoreRuleAction, revertRuleAction, setRuleDisabledAction } from "@/app/rules/actions";
import { ActionButton } from "@/components/ui/ActionButton";

type Command =
  | { kind: "revert"; ruleKey: string; version: number; edit: number | null }
  | { kind: "restore"; ruleId: string }
  | { kind: "disable"; ruleKey: string; disabled: boolean };

/** The rule pages' one-click commands (server pages cannot hand a client button a closure). */
export function RuleActionButton({ command, children, label }: { command: Command; children: React.ReactNode; label?: string }) {
  const router = useRouter();
  const run = async () => {
    const r =
      command.kind === "revert"
        ? await revertRuleAction({ key: command.ruleKey, version: command.version, edit: command.edit })
        : command.kind === "restore"
          ? await restoreRuleAction({ ruleId: command.ruleId })
          : await setRuleDisabledAction({ key: command.ruleKey, disabled: command.disabled });
    if (r.ok) router.refresh();
    return r;
  };
  return (
    <ActionButton run={run} label={label}>
      {children}
    </ActionButton>
  );
}
