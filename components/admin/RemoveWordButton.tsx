"use client";

import { removeWordAction } from "@/app/admin/actions";
import { ActionButton } from "@/components/ui/ActionButton";

export function RemoveWordButton({ id, word }: { id: string; word: string }) {
  return (
    <ActionButton run={() => removeWordAction({ id })} className="btn btn-danger" label={`Remove ${word}`}>
      Remove
    </ActionButton>
  );
}
