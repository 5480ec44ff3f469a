import type { TrendPoint } from "@/lib/house-rules/rule-stats";

const W = 120;
const H = 32;

/**
 * Weekly precision as a small line: each point a week's share of findings judged right; weeks with no
 * verdict leave a gap. The numbers are also given as text (the title and a screen-reader summary).
 */
export function TrendChart({ trend, label }: { trend: TrendPoint[]; label: string }) {
  const step = trend.length > 1 ? W / (trend.length - 1) : W;
  const y = (p: TrendPoint) => H - 2 - (p.right / p.judged) * (H - 4);
  const segments: string[][] = [[]];
  trend.forEach((p, i) => {
    if (p.judged === 0) segments.push([]);
    else segments.at(-1)!.push(`${(i * step).toFixed(1)},${y(p).toFixed(1)}`);
  });
  const summary = trend.filter((p) => p.judged > 0).map((p) => `week of ${p.week}: ${p.right} of ${p.judged} right`).join("; ") || "no verdicts in these weeks";
  return (
    <svg width={W} height={H} viewBox={`-2 0 ${W + 4} ${H}`} role="img" aria-label={`${label} precision by week: ${summary}`} className="overflow-visible">
      <title>{summary}</title>
      <line x1={0} x2={W} y1={H / 2} y2={H / 2} stroke="#d6d3d1" strokeDasharray="2 2" />
      {segments.filter((s) => s.length > 0).map((s, i) =>
        s.length === 1 ? (
          <circle key={i} cx={s[0].split(",")[0]} cy={s[0].split(",")[1]} r={2} fill="#1d4ed8" />
        ) : (
          <polyline key={i} points={s.join(" ")} fill="none" stroke="#1d4ed8" strokeWidth={1.5} />
        ),
      )}
    </svg>
  );
}
