"use client";

import { unstable_rethrow } from "next/navigation";
import { useState, useTransition } from "react";
import { previewArticle, saveArticle, type PreviewResult } from "@/app/articles/new/actions";
import { ErrorNotice } from "@/components/ui/ErrorNotice";
import { BLOCK_KINDS, BLOCK_LABELS, type BlockKind } from "@/lib/ingest/blocks";
import { formatBytes } from "@/lib/ingest/decode-source";
import { MAX_SOURCE_BYTES } from "@/lib/ingest/limits";
import type { ActionError } from "@/lib/errors";

type SourceKind = "paste" | "file" | "url";
/** What the editor had given when a preview was asked for: Save compares it with the form as it is now. */
type SourceInput = { kind: SourceKind; text: string; url: string; file: File | null };

const STALE_MESSAGE =
  "The source changed after the preview, so nothing was saved. The structure below was read again from the source as it is now; check it, then save.";

/** Paste / upload / URL → preview the detected blocks → fix kinds → save. Input is never lost on error. */
export function IngestForm() {
  const [kind, setKind] = useState<SourceKind>("paste");
  const [text, setText] = useState("");
  const [url, setUrl] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [previewedInput, setPreviewedInput] = useState<SourceInput | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const input: SourceInput = { kind, text, url, file };
  const stale = preview !== null && previewedInput !== null && !sameInput(previewedInput, input);

  function runPreview(e: React.FormEvent) {
    e.preventDefault();
    requestPreview(null);
  }

  /** Read the source as the form holds it now; `afterwards` is said once the new preview is shown. */
  function requestPreview(afterwards: string | null) {
    // The server checks again; this saves a doomed upload and keeps an over-limit one from reaching
    // the framework's body limit, whose failure would replace the whole form with an error page.
    const tooBig = tooLarge(kind, text, file);
    if (tooBig) {
      setPreview(null);
      setError(tooBig);
      return;
    }
    const form = new FormData();
    form.set("kind", kind);
    if (kind === "paste") form.set("text", text);
    if (kind === "url") form.set("url", url);
    if (kind === "file" && file) form.set("file", file);
    // the snapshot is taken as the request leaves: typing while it runs makes the preview stale
    const sent = input;
    startTransition(async () => {
      const result = await previewArticle(form).catch(unreachable);
      if (result.ok) {
        setPreview(result.data);
        setPreviewedInput(sent);
        setNotice(afterwards);
        setError(null);
      } else {
        setPreview(null);
        setPreviewedInput(null);
        setNotice(null);
        setError(result.error);
      }
    });
  }

  function setBlockKind(index: number, newKind: BlockKind) {
    if (!preview) return;
    const blocks = preview.parsed.blocks.map((b, i) => (i === index ? { ...b, kind: newKind } : b));
    setPreview({ ...preview, parsed: { ...preview.parsed, blocks } });
  }

  function save() {
    if (!preview) return;
    // Saving the old preview would store text the editor no longer sees: read the source again and
    // let them check the new structure (their block kinds may no longer fit) before saving.
    if (stale) {
      requestPreview(STALE_MESSAGE);
      return;
    }
    setNotice(null);
    startTransition(async () => {
      const result = await saveArticle({
        parsed: preview.parsed,
        sourceKind: preview.sourceKind,
        sourceName: preview.sourceName,
        ticket: preview.ticket,
      }).catch(unreachable);
      // success redirects; we only get here on failure
      if (result && !result.ok) setError(result.error);
    });
  }

  const fieldError = (name: string) => error?.fields?.[name];

  return (
    <div className="space-y-6">
      <form onSubmit={runPreview} className="space-y-4 rounded border border-stone-300 bg-white p-4" noValidate>
        <fieldset className="flex flex-wrap gap-4">
          <legend className="mb-2 text-sm font-medium">Source</legend>
          {(["paste", "file", "url"] as const).map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {k === "paste" ? "Paste text" : k === "file" ? "Upload a file" : "From a URL"}
            </label>
          ))}
        </fieldset>

        {kind === "paste" && (
          <div>
            <label htmlFor="ingest-text" className="mb-1 block text-sm font-medium">
              Article text
            </label>
            <textarea
              id="ingest-text"
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={14}
              className="input font-serif"
              aria-describedby={fieldError("text") ? "ingest-text-error" : undefined}
              aria-invalid={fieldError("text") ? true : undefined}
            />
            {fieldError("text") && <p id="ingest-text-error" className="text-sm text-red-800">{fieldError("text")}</p>}
          </div>
        )}
        {kind === "file" && (
          <div>
            <label htmlFor="ingest-file" className="mb-1 block text-sm font-medium">
              File (.txt, .md or .html)
            </label>
            <input
              id="ingest-file"
              type="file"
              accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              aria-describedby={fieldError("file") ? "ingest-file-error" : undefined}
              aria-invalid={fieldError("file") ? true : undefined}
              className="block text-sm"
            />
            {fieldError("file") && <p id="ingest-file-error" className="text-sm text-red-800">{fieldError("file")}</p>}
          </div>
        )}
        {kind === "url" && (
          <div>
            <label htmlFor="ingest-url" className="mb-1 block text-sm font-medium">
              Story URL
            </label>
            <input
              id="ingest-url"
              type="url"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              placeholder="https://"
              className="input"
              aria-describedby={fieldError("url") ? "ingest-url-error" : undefined}
              aria-invalid={fieldError("url") ? true : undefined}
            />
            {fieldError("url") && <p id="ingest-url-error" className="text-sm text-red-800">{fieldError("url")}</p>}
          </div>
        )}
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending && !preview ? "Reading…" : "Preview structure"}
        </button>
      </form>

      {error && <ErrorNotice error={error} />}

      {preview && (
        <section aria-labelledby="preview-heading" className="space-y-3">
          <h2 id="preview-heading" className="text-xl font-semibold">
            Detected structure: {preview.parsed.blocks.length} blocks
          </h2>
          {notice && !stale && (
            <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
              {notice}
            </p>
          )}
          {stale && (
            <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
              The source has changed since this preview. <strong>Save article</strong> will read it again first.
            </p>
          )}
          <ol className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
            {preview.parsed.blocks.map((b, i) => (
              <li key={`${b.start}-${i}`} className="flex gap-3 p-2" data-block-kind={b.kind}>
                <label className="sr-only" htmlFor={`kind-${i}`}>
                  Kind of block {i + 1}
                </label>
                <select
                  id={`kind-${i}`}
                  value={b.kind}
                  onChange={(e) => setBlockKind(i, e.target.value as BlockKind)}
                  className="h-8 rounded border border-stone-400 bg-white px-1 text-sm"
                >
                  {BLOCK_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {BLOCK_LABELS[k]}
                    </option>
                  ))}
                </select>
                <p className="flex-1 font-serif text-sm">{preview.parsed.text.slice(b.start, b.end)}</p>
              </li>
            ))}
          </ol>
          <button type="button" className="btn btn-primary" onClick={save} disabled={pending}>
            {pending ? "Saving…" : "Save article"}
          </button>
        </section>
      )}
    </div>
  );
}

function sameInput(a: SourceInput, b: SourceInput): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "paste") return a.text === b.text;
  if (a.kind === "url") return a.url === b.url;
  return a.file === b.file; // choosing a file again gives a new File, even of the same name
}

const LIMIT = formatBytes(MAX_SOURCE_BYTES);

/** The same limit the server applies (lib/ingest/limits.ts), said beside the field. */
function tooLarge(kind: SourceKind, text: string, file: File | null): ActionError | null {
  if (kind === "file" && file && file.size > MAX_SOURCE_BYTES) {
    const message = `${file.name} is ${formatBytes(file.size)}; the limit is ${LIMIT}.`;
    return { code: "too_large", message, fields: { file: message } };
  }
  const textBytes = kind === "paste" ? new Blob([text]).size : 0;
  if (textBytes > MAX_SOURCE_BYTES) {
    const message = `The text is ${formatBytes(textBytes)}; the limit is ${LIMIT}.`;
    return { code: "too_large", message, fields: { text: message } };
  }
  return null;
}

/** The action could not be called at all (network down, request refused): say so, keep the form. */
function unreachable(e: unknown): { ok: false; error: ActionError } {
  unstable_rethrow(e); // a successful save navigates by rejecting with a redirect
  return {
    ok: false,
    error: { code: "internal", message: "The server could not take this request (is it over the size limit, or the connection down?). Your input is kept; try again." },
  };
}
