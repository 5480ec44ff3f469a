/**
 * The OpenAPI 3.1 description of the REST API, served at /api/openapi.json. Kept beside the routes'
 * zod schemas by hand: a short document a CMS developer can read, and `openapi.test.ts` checks that
 * every route file under app/api has a path here.
 */
const error = { $ref: "#/components/responses/Error" };
const errors = { "400": error, "401": error, "403": error, "404": error, "409": error, "413": error, "422": error };
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };

export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Copydesk API",
      version: "1.0.0",
      description:
        "Ingest articles, read them, exchange annotations as W3C Web Annotations, and export corrected text. Authenticate with `Authorization: Bearer <token>` (admins create tokens at /admin/tokens; a token acts as its user, with that user's role).",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    paths: {
      "/api/articles": {
        post: {
          summary: "Ingest an article (editor, admin)",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  description: "Exactly one of text, html, markdown or url (max 2 MB).",
                  properties: { text: { type: "string" }, html: { type: "string" }, markdown: { type: "string" }, url: { type: "string", format: "uri" } },
                },
              },
            },
          },
          responses: {
            "201": { description: "Created", content: { "application/json": { schema: { $ref: "#/components/schemas/IngestResult" } } } },
            ...errors,
          },
        },
      },
      "/api/articles/{id}": {
        get: {
          summary: "Status and the current revision's text and blocks",
          parameters: [idParam],
          responses: { "200": { description: "The article", content: { "application/json": { schema: { $ref: "#/components/schemas/Article" } } } }, ...errors },
        },
      },
      "/api/articles/{id}/annotations": {
        get: {
          summary: "The article's annotations as a W3C Web Annotation AnnotationCollection (JSON-LD)",
          parameters: [idParam],
          responses: { "200": { description: "AnnotationCollection", content: { "application/ld+json": { schema: { type: "object" } } } }, ...errors },
        },
        post: {
          summary: "Add W3C annotations (one Annotation or an AnnotationCollection), anchored by quote and context onto the current revision",
          description: "Each becomes a proposed change (with an editing body) or a note. What cannot be anchored is reported under `failed`, never dropped silently.",
          parameters: [idParam],
          requestBody: { required: true, content: { "application/ld+json": { schema: { type: "object" } }, "application/json": { schema: { type: "object" } } } },
          responses: {
            "201": { description: "Import report", content: { "application/json": { schema: { $ref: "#/components/schemas/ImportReport" } } } },
            ...errors,
          },
        },
      },
      "/api/articles/{id}/annotations/{annotationId}": {
        get: {
          summary: "One annotation as a W3C Web Annotation (what its exported id resolves to)",
          parameters: [idParam, { name: "annotationId", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "Annotation", content: { "application/ld+json": { schema: { type: "object" } } } }, ...errors },
        },
      },
      "/api/articles/{id}/export": {
        get: {
          summary: "Export the current revision, or its change report",
          parameters: [idParam, { name: "format", in: "query", required: true, schema: { enum: ["txt", "md", "html", "changes.md", "changes.csv"] } }],
          responses: { "200": { description: "The file", content: { "text/plain": {}, "text/markdown": {}, "text/html": {}, "text/csv": {} } }, ...errors },
        },
      },
      "/api/events": {
        get: {
          summary: "Live updates for a signed-in browser (Server-Sent Events; session cookie, not tokens)",
          description: "`?article=<id>`: that article's changes and who else has it open (presence); without it, every article's changes (the list and the review queue). Events say what changed; the page then reloads its data.",
          parameters: [{ name: "article", in: "query", required: false, schema: { type: "string" } }],
          responses: { "200": { description: "An event stream", content: { "text/event-stream": {} } }, ...errors },
        },
      },
      "/api/review/approve": {
        post: {
          summary: "Approve and apply changes (reviewer, admin; never one's own)",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["articleId", "decisions"],
                  properties: {
                    articleId: { type: "string" },
                    decisions: { type: "array", items: { type: "object", required: ["id", "version"], properties: { id: { type: "string" }, version: { type: "integer" } } } },
                  },
                },
              },
            },
          },
          responses: { "200": { description: "The new revision" }, ...errors },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      responses: {
        Error: {
          description: "An error: 400 unreadable body, 401 no or revoked token, 403 role, 404 unknown id, 409 conflict, 413 too large, 422 invalid field",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  error: {
                    type: "object",
                    properties: { code: { type: "string" }, message: { type: "string" }, fields: { type: "object", additionalProperties: { type: "string" } } },
                  },
                },
              },
            },
          },
        },
      },
      schemas: {
        Block: {
          type: "object",
          properties: {
            kind: { enum: ["outlet", "headline", "dek", "caption", "credit", "byline", "paragraph", "junk"] },
            start: { type: "integer", description: "UTF-16 index into text" },
            end: { type: "integer" },
            text: { type: "string" },
          },
        },
        IngestResult: {
          type: "object",
          properties: { id: { type: "string" }, title: { type: "string" }, revision: { type: "integer" }, blocks: { type: "array", items: { $ref: "#/components/schemas/Block" } } },
        },
        Article: {
          type: "object",
          properties: {
            id: { type: "string" },
            title: { type: "string" },
            status: { enum: ["ingested", "editing", "in_review", "approved"] },
            revision: {
              type: "object",
              properties: { number: { type: "integer" }, text: { type: "string" }, blocks: { type: "array", items: { $ref: "#/components/schemas/Block" } } },
            },
          },
        },
        ImportReport: {
          type: "object",
          properties: {
            imported: { type: "array", items: { type: "object", properties: { index: { type: "integer" }, id: { type: "string" }, method: { type: "string" } } } },
            failed: { type: "array", items: { type: "object", properties: { index: { type: "integer" }, sourceId: { type: "string" }, reason: { type: "string" } } } },
          },
        },
      },
    },
  };
}
