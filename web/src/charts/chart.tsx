/**
 * @module web/charts/chart
 * A React host for one ECharts chart on the SVG renderer: created once, options replaced on change,
 * resized with its box, disposed on unmount. Animation is off under automation and reduced motion.
 */
import { useEffect, useRef } from "react";
import { echarts, type ChartOption } from "./echarts.js";

/** Whether charts animate (never in automated browsers or with reduced motion, so screenshots are complete). */
const ANIMATE = typeof navigator !== "undefined" && !navigator.webdriver
  && !(typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches);

/** One chart. `label` is the accessible name (what the chart shows, with units). */
export function Chart({ option, height = 320, label, testId }: { option: ChartOption; height?: number; label: string; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);

  useEffect(() => {
    const el = box.current;
    if (el === null) return undefined;
    const instance = echarts.init(el, null, { renderer: "svg" });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ animation: ANIMATE, animationDuration: 300, animationDurationUpdate: 250, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={box} className="chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
