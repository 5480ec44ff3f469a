"use client";

import { useEffect, useState } from "react";

/**
 * A time in the reader's own time zone, with the zone named ("27 Nov 2026, 15:05 GMT+1"). The
 * server does not know the reader's zone, so it sends UTC, labelled as such; the browser rewrites it
 * on arrival.
 */
export function LocalTime({ iso, seconds = false }: { iso: string; seconds?: boolean }) {
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => setLocal(format(iso, undefined, seconds)), [iso, seconds]);
  return <time dateTime={iso}>{local ?? format(iso, "UTC", seconds)}</time>;
}

export function format(iso: string, timeZone: string | undefined, seconds: boolean): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: seconds ? "2-digit" : undefined,
    hourCycle: "h23",
    timeZone,
    timeZoneName: "short",
  }).format(new Date(iso));
}
