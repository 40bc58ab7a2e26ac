"use client";

/** One time-series chart of the platform page (uPlot on a canvas), a line per part. */
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { ChartData } from "@/lib/api/platform";
import { formatRate, formatSeconds } from "./platform-format";

const COLOURS = [
  "#0b6b7a",
  "#d9480f",
  "#5f3dc4",
  "#2b8a3e",
  "#c2255c",
  "#1971c2",
  "#e67700",
  "#495057",
  "#862e9c",
  "#087f5b",
];

const HEIGHT = 240;

export function PlatformChart({
  title,
  data,
  unit,
}: {
  title: string;
  data: ChartData;
  unit: "rate" | "seconds";
}) {
  const container = useRef<HTMLDivElement>(null);
  const drawn = data.lines.length > 0;
  const points = data.lines.reduce(
    (n, line) => n + line.values.filter((v) => v !== null).length,
    0,
  );

  useEffect(() => {
    const element = container.current;
    if (!element || !drawn) return;
    const format = unit === "rate" ? formatRate : formatSeconds;
    const options: uPlot.Options = {
      width: Math.max(280, element.clientWidth),
      height: HEIGHT,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Asia/Seoul"),
      legend: { live: true },
      cursor: { drag: { x: false, y: false } },
      scales: { y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
      axes: [
        {},
        {
          size: 64,
          values: (_u, ticks) => ticks.map((t) => format(t)),
        },
      ],
      series: [
        {},
        ...data.lines.map((line, i) => ({
          label: line.label,
          stroke: COLOURS[i % COLOURS.length],
          width: 2,
          spanGaps: false,
          value: (_u: uPlot, v: number | null) => format(v),
        })),
      ],
    };
    const aligned: uPlot.AlignedData = [data.timestamps, ...data.lines.map((line) => line.values)];
    const chart = new uPlot(options, aligned, element);
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(280, element.clientWidth), height: HEIGHT }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [data, unit, drawn]);

  return (
    <figure className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3">
      <figcaption className="text-sm font-semibold">{title}</figcaption>
      {drawn ? (
        <div
          ref={container}
          data-testid="platform-chart"
          data-lines={data.lines.length}
          data-points={points}
        />
      ) : (
        <p className="py-8 text-center text-sm text-muted">아직 기록된 데이터가 없어요.</p>
      )}
    </figure>
  );
}
