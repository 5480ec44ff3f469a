/** An export as a download; an exported HTML file opened from here must not run anything. */
export function exportResponse(out: { body: string; contentType: string; fileName: string }): Response {
  return new Response(out.body, {
    headers: {
      "content-type": out.contentType,
      "content-disposition": `attachment; filename="${out.fileName}"`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
