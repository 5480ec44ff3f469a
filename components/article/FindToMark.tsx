"use client";

import { useId, useState } from "react";
import { findTyped } from "@/lib/articles/typed-match";

/**
 * The keyboard way to mark text: type the words, press Find; each press moves to the next
 * occurrence. Copy editors often know exactly what they are looking for ("thecapture"); case and
 * typographic quotes do not matter.
 */
export function FindToMark({ text, onFound }: { text: string; onFound: (start: number, end: number) => void }) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [from, setFrom] = useState(0);
  const [message, setMessage] = useState("");

  return (
    <form
      role="search"
      aria-label="Find text to mark"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!query) return;
        // typed in lower case with straight quotes, it still finds the published “O’Malley”
        const at = findTyped(text, query, from);
        if (at < 0) return setMessage(`“${query}” is not in the text.`);
        setMessage("");
        setFrom(at + 1);
        onFound(at, at + query.length);
      }}
    >
      <div className="flex-1">
        <label htmlFor={`${id}-q`} className="block text-sm font-medium">
          Text to mark
        </label>
        <input id={`${id}-q`} value={query} onChange={(e) => (setQuery(e.target.value), setFrom(0))} className="input" />
      </div>
      <button type="submit" className="btn btn-secondary">
        Find
      </button>
      {message && (
        <p role="status" className="w-full text-sm text-red-800">
          {message}
        </p>
      )}
    </form>
  );
}
