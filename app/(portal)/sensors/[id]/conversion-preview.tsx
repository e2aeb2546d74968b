"use client";
// Type a raw value and see what the draft spec makes of it, computed by the server's own convert().
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { ConversionSpec } from "@/domain/conversion/profile";
import { messageOf } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { parseNumber } from "../sensor-format";

export function ConversionPreview({ projectId, spec }: { projectId: string; spec: ConversionSpec | null }) {
  const trpc = useTRPC();
  const [rawText, setRawText] = useState("");
  const raw = parseNumber(rawText);
  const ready = spec !== null && raw !== null;
  const query = useQuery(trpc.sensor.previewConversion.queryOptions({ projectId, spec: spec ?? { kind: "linear", gain: 1, offset: 0 }, raw: raw ?? 0 }, { enabled: ready }));

  let result: string;
  if (rawText.trim() === "") result = "Type a raw value to preview.";
  else if (raw === null) result = "The raw value must be a finite number.";
  else if (spec === null) result = "Fix the fields above to preview.";
  else if (query.isPending) result = "Converting…";
  else if (query.isError) result = messageOf(query.error);
  else result = "value" in query.data ? `= ${query.data.value}` : `Error: ${query.data.code}`;

  return (
    <fieldset className="card" style={{ marginTop: "0.75rem" }}>
      <legend>Preview</legend>
      <div className="field">
        <label htmlFor="sensor-preview-raw">Raw value</label>
        <input
          id="sensor-preview-raw"
          className="input"
          inputMode="decimal"
          autoComplete="off"
          value={rawText}
          onChange={(e) => setRawText(e.target.value)}
          // Enter here previews; it must not submit (save) the surrounding form.
          onKeyDown={(e) => {
            if (e.key === "Enter") e.preventDefault();
          }}
          data-testid="sensor-preview-raw"
        />
      </div>
      <output htmlFor="sensor-preview-raw" aria-live="polite" data-testid="sensor-preview-result" className="mono">
        {result}
      </output>
    </fieldset>
  );
}
