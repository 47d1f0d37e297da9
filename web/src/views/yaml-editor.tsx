/**
 * @module web/views/yaml-editor
 * A plain YAML editor: a textarea with line numbers over a backdrop that draws the text coloured,
 * marks the lines with issues and prints their messages at the end of the line. No editor library:
 * the textarea's own text is transparent, so typing, selection and undo stay the browser's.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from "react";
import { offsetOfLine, type LineMarks } from "../lib/line-marks.js";
import { highlightLine } from "../lib/yaml-highlight.js";

/** A request to put the caret on a line (a new `nonce` moves it again). */
export interface EditorJump {
  readonly line: number;
  readonly column: number;
  readonly nonce: number;
}

/** The editor. */
export function YamlEditor({ value, onChange, marks, jump, label }: {
  value: string;
  onChange: (text: string) => void;
  marks: LineMarks;
  jump?: EditorJump | undefined;
  label: string;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const lines = useMemo(() => value.split("\n"), [value]);

  const syncScroll = () => {
    const el = area.current;
    if (el === null) return;
    if (gutter.current !== null) gutter.current.style.transform = `translateY(${-el.scrollTop}px)`;
    if (backdrop.current !== null) backdrop.current.style.transform = `translate(${-el.scrollLeft}px, ${-el.scrollTop}px)`;
  };
  useLayoutEffect(syncScroll, [value]);

  useEffect(() => {
    const el = area.current;
    if (jump === undefined || el === null) return;
    const offset = offsetOfLine(el.value, jump.line, jump.column);
    el.focus();
    el.setSelectionRange(offset, offset);
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 20;
    el.scrollTop = Math.max(0, (jump.line - 4) * lineHeight);
    syncScroll();
  }, [jump]);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Tab indents (YAML wants spaces); Escape then Tab leaves the editor as usual.
    if (event.key !== "Tab" || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const el = event.currentTarget;
    el.setRangeText("  ", el.selectionStart, el.selectionEnd, "end");
    onChange(el.value);
  };

  return (
    // Grows with the text between 12 and 28 lines; longer texts scroll.
    <div className="editor" data-testid="yaml-editor" style={{ height: 20 + 20 * Math.min(28, Math.max(12, lines.length + 1)) + 2 }}>
      <div className="editor-gutter" aria-hidden="true">
        <div className="inner" ref={gutter}>
          {lines.map((_, i) => {
            const issues = marks.byLine.get(i + 1);
            return (
              <div key={i} className={issues === undefined ? "gutter-line" : "gutter-line has-issue"} data-line={i + 1} title={issues?.map((m) => m.text).join("\n")}>
                {i + 1}
              </div>
            );
          })}
        </div>
      </div>
      <div className="editor-body">
        <div className="editor-backdrop" aria-hidden="true">
          <div className="inner" ref={backdrop}>
            {lines.map((text, i) => {
              const issues = marks.byLine.get(i + 1);
              return (
                <div key={i} className={issues === undefined ? "bd-line" : "bd-line has-issue"} data-line={i + 1}>
                  <span className="bd-text">{text === "" ? " " : highlightLine(text).map((t, j) => <span key={j} className={`tok-${t.kind}`}>{t.text}</span>)}</span>
                  {issues !== undefined && <span className="bd-msg" data-testid="inline-issue">{issues.map((m) => `${m.field} — ${m.message}`).join("; ")}</span>}
                </div>
              );
            })}
          </div>
        </div>
        <textarea
          ref={area} value={value} aria-label={label} spellCheck={false} autoCapitalize="off" autoComplete="off" wrap="off"
          onChange={(e) => onChange(e.target.value)} onScroll={syncScroll} onKeyDown={onKeyDown}
        />
      </div>
    </div>
  );
}
