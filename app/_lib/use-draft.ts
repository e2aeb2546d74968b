"use client";
// A filter input's local value, committed to the URL after a pause. The URL updates asynchronously (router.replace),
// so the input never waits on it; a URL change we did not ask for (Clear filters, a link) replaces the draft.
import { useEffect, useRef, useState } from "react";

interface DraftOptions {
  /** Milliseconds of quiet before committing; 0 commits on the next tick. */
  delay?: number;
  /** URL value → what the input shows (e.g. ISO → datetime-local). */
  toDraft?: (urlValue: string) => string;
  /** What the input shows → URL value. */
  toUrl?: (draft: string) => string;
}

const identity = (value: string) => value;

export function useDraft(urlValue: string, commit: (urlValue: string) => void, options: DraftOptions = {}) {
  const { delay = 400, toDraft = identity, toUrl = identity } = options;
  const [draft, setDraft] = useState(() => toDraft(urlValue));
  const [seen, setSeen] = useState(urlValue);
  const [sent, setSent] = useState(urlValue);
  if (urlValue !== seen) {
    setSeen(urlValue);
    if (urlValue !== sent) {
      setSent(urlValue);
      setDraft(toDraft(urlValue));
    }
  }

  // The latest commit callback, so an inline one does not restart the pause on every render.
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });

  const wanted = toUrl(draft);
  useEffect(() => {
    if (wanted === sent) return;
    const timer = setTimeout(() => {
      setSent(wanted);
      commitRef.current(wanted);
    }, delay);
    return () => clearTimeout(timer);
  }, [wanted, sent, delay]);

  /** Commit now (Enter, blur) instead of after the pause. */
  function flush() {
    if (wanted === sent) return;
    setSent(wanted);
    commit(wanted);
  }

  return { draft, setDraft, flush };
}
