import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

interface RateChartProps {
  /** [time (ms), value] points, oldest first. */
  points: [number, number][];
  label: string;
}

/** A small bar chart of a per-minute rate (uPlot: canvas, cheap to redraw). */
export function RateChart({ points, label }: RateChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const style = getComputedStyle(el);
    const accent = style.getPropertyValue('--accent').trim() || '#9147ff';
    const axis = style.getPropertyValue('--text-muted').trim() || '#888';
    const grid = style.getPropertyValue('--border').trim() || '#333';
    const plot = new uPlot(
      {
        width: Math.max(200, el.clientWidth),
        height: 160,
        legend: { show: false },
        cursor: { show: false },
        // Half a bucket of room on each side, so the first and last bars are not cut in half.
        scales: { x: { time: true, range: (_u, min, max) => [min - 30, max + 30] }, y: { range: (_u, _min, max) => [0, Math.max(5, max)] } },
        axes: [
          { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { show: false } },
          { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { show: false }, size: 40 },
        ],
        series: [{}, { label, stroke: accent, fill: `${accent}55`, width: 2, paths: uPlot.paths.bars!({ size: [0.7, 12] }), points: { show: false } }],
      },
      [[], []],
      el,
    );
    chart.current = plot;
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(200, el.clientWidth), height: 160 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
      chart.current = null;
    };
  }, [label]);

  useEffect(() => {
    chart.current?.setData([points.map((p) => p[0] / 1000), points.map((p) => p[1])]);
  }, [points]);

  return <div ref={host} className="rate-chart" role="img" aria-label={`${label}: ${points.at(-1)?.[1] ?? 0} in the current minute`} />;
}
