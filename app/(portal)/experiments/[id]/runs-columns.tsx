"use client";
// The param columns the user picked, remembered in localStorage per experiment, and the "Columns" disclosure to pick
// them from the experiment's param names.
import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { readStoredColumns } from "./runs-format";

const listeners = new Set<() => void>();
/** Where a choice lives when localStorage is blocked or full: until the page reloads. */
const memory = new Map<string, string>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function readRaw(key: string): string | null {
  if (memory.has(key)) return memory.get(key) ?? null;
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeRaw(key: string, value: string) {
  try {
    window.localStorage.setItem(key, value);
    memory.delete(key);
  } catch {
    memory.set(key, value);
  }
  listeners.forEach((listener) => listener());
}

/** The chosen columns, in the order of the param names; names no run has any more drop out once those are known. */
export function useRunColumns(experimentId: string, paramKeys: readonly string[] | undefined) {
  const key = `runs-columns:${experimentId}`;
  const raw = useSyncExternalStore(subscribe, () => readRaw(key), () => null);
  const chosen = useMemo(() => readStoredColumns(raw), [raw]);
  const columns = paramKeys ? paramKeys.filter((name) => chosen.includes(name)) : chosen;
  function toggle(name: string, on: boolean) {
    writeRaw(key, JSON.stringify(on ? [...chosen.filter((c) => c !== name), name] : chosen.filter((c) => c !== name)));
  }
  return { columns, toggle };
}

interface MenuProps {
  paramKeys: readonly string[];
  columns: readonly string[];
  onToggle: (name: string, on: boolean) => void;
  loading: boolean;
}

export function ColumnsMenu({ paramKeys, columns, onToggle, loading }: MenuProps) {
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const onMouseDown = (e: MouseEvent) => {
      if (e.target instanceof Node && !menuRef.current?.contains(e.target)) setOpen(false);
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("mousedown", onMouseDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("mousedown", onMouseDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  return (
    <div className="menu" ref={menuRef}>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-small"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        onClick={() => setOpen((v) => !v)}
        data-testid="runs-columns-button"
      >
        Columns{columns.length > 0 ? ` (${columns.length})` : ""} ▾
      </button>
      {open ? (
        <div className="menu-list" id={listId} role="group" aria-label="Param columns" style={{ maxHeight: "18rem", overflowY: "auto" }}>
          <p className="muted" style={{ margin: 0, padding: "0.35rem 0.6rem", fontSize: "0.85rem" }}>
            {loading ? "Loading params…" : paramKeys.length === 0 ? "No params recorded yet" : "Show a column per param"}
          </p>
          {paramKeys.map((name) => (
            <label key={name} className="row" style={{ padding: "0.3rem 0.6rem", gap: "0.4rem", cursor: "pointer", flexWrap: "nowrap" }}>
              <input type="checkbox" checked={columns.includes(name)} onChange={(e) => onToggle(name, e.target.checked)} data-testid={`runs-column-${name}`} />
              <span className="mono" style={{ overflowWrap: "anywhere" }}>
                {name}
              </span>
            </label>
          ))}
        </div>
      ) : null}
    </div>
  );
}
