"use client";

import { undoDismissalAction } from "@/app/admin/actions";
import { ActionButton } from "@/components/ui/ActionButton";

export function UndoDismissalButton({ id, version, label }: { id: string; version: number; label: string }) {
  return (
    <ActionButton run={() => undoDismissalAction({ id, version })} label={`Undo dismissal of “${label.slice(0, 40)}”`}>
      Undo
    </ActionButton>
  );
}
