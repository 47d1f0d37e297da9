/**
 * @module web/views/multi-select
 * A compact picker of several values: a button that names the choice and opens a list of
 * checkboxes (with "all" and "none" shortcuts). It holds no state beyond being open.
 */
import { useEffect, useRef } from "react";

/** Pick any number of `options`; an empty choice reads `emptyLabel` (e.g. "all, summed"). */
export function MultiSelect({ label, options, chosen, onChange, emptyLabel, optionTitle = (v) => v, testId }: {
  label: string;
  options: readonly string[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  /** What no choice means; undefined when at least one value is required. */
  emptyLabel: string | undefined;
  optionTitle?: (value: string) => string;
  testId?: string;
}) {
  const box = useRef<HTMLDetailsElement>(null);
  // Close when a click or focus lands outside the list, as a native select does.
  useEffect(() => {
    const onOutside = (event: Event) => {
      const el = box.current;
      if (el !== null && el.open && !el.contains(event.target as Node)) el.open = false;
    };
    document.addEventListener("mousedown", onOutside);
    document.addEventListener("focusin", onOutside);
    return () => {
      document.removeEventListener("mousedown", onOutside);
      document.removeEventListener("focusin", onOutside);
    };
  }, []);
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...chosen, value] : chosen.filter((v) => v !== value);
    // Keep the options' order, so lines and legends read the same whatever the clicking order.
    const ordered = options.filter((o) => next.includes(o));
    if (ordered.length > 0 || emptyLabel !== undefined) onChange(ordered);
  };
  const summary = chosen.length === 0 ? emptyLabel ?? "none"
    : chosen.length <= 3 ? chosen.map(optionTitle).join(", ")
    : chosen.length === options.length ? `each of ${options.length}` : `${chosen.length} of ${options.length}`;
  const disabled = options.length === 0;
  return (
    <details className="multi" ref={box} data-testid={testId}>
      <summary className={disabled ? "disabled" : undefined} aria-label={`${label}: ${summary}`} onClick={(e) => { if (disabled) e.preventDefault(); }}>
        <span className="multi-label">{label}</span> <span className="multi-value">{disabled ? "not by " + label.toLowerCase() : summary}</span>
      </summary>
      <div className="multi-menu" role="group" aria-label={label}>
        <div className="multi-actions">
          {emptyLabel !== undefined && <button type="button" className="link" onClick={() => onChange([])}>{emptyLabel}</button>}
          <button type="button" className="link" onClick={() => onChange([...options])}>each of {options.length}</button>
        </div>
        {options.map((o) => (
          <label key={o}>
            <input type="checkbox" checked={chosen.includes(o)} onChange={(e) => toggle(o, e.target.checked)} />
            {optionTitle(o)}
          </label>
        ))}
      </div>
    </details>
  );
}
