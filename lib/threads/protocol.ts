/** Messages between a SerialThread and its worker (structured clone: plain data only). */
export interface ThreadRequest<I> {
  id: number;
  input: I;
}

/** An error as it crosses the boundary: an AppError keeps its code and field messages. */
export interface ThreadError {
  name: string;
  message: string;
  code?: string;
  fields?: Record<string, string>;
}

export type ThreadResponse<O> = { id: number; ok: true; result: O } | { id: number; ok: false; error: ThreadError };
