// parseReadingsCsv: header rules, line numbers (blank lines, CRLF, quoted multi-line cells), and cells left for the
// ingest pipeline to judge (non-numeric raw values stay strings, epoch-ms timestamps become numbers).
import { describe, expect, it } from "vitest";
import { DomainError } from "../../../domain/errors";
import { parseReadingsCsv } from "./csv";

function errorOf(text: string): DomainError {
  try {
    parseReadingsCsv(text);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

describe("parseReadingsCsv", () => {
  it("maps rows to readings with the line each starts on", () => {
    const text = '\ufefftimestamp, raw_value ,site\r\n2026-01-01T00:00:00Z,1.5,a\r\n\r\n"2026-01-01T00:00:01Z","2","multi\r\nline"\r\n1767225602000,abc,\r\n';
    expect(parseReadingsCsv(text)).toEqual([
      { line: 2, reading: { timestamp: "2026-01-01T00:00:00Z", raw_value: 1.5, meta: { site: "a" } } },
      { line: 4, reading: { timestamp: "2026-01-01T00:00:01Z", raw_value: 2, meta: { site: "multi\nline" } } },
      { line: 6, reading: { timestamp: 1767225602000, raw_value: "abc" } },
    ]);
  });

  it.each([
    ["-1e3", -1000],
    [".5", 0.5],
    ["0x10", "0x10"],
    ["", ""],
    ["NaN", "NaN"],
    ["Infinity", "Infinity"],
  ])("reads raw value %j as %j", (cell, expected) => {
    expect(parseReadingsCsv(`timestamp,raw_value\n1,${cell}\n`)[0]!.reading.raw_value).toEqual(expected);
  });

  it("keeps a short row as a reading without raw value, for the pipeline to reject", () => {
    expect(parseReadingsCsv("timestamp,raw_value\n2026-01-01T00:00:00Z\n")).toEqual([{ line: 2, reading: { timestamp: "2026-01-01T00:00:00Z", raw_value: "" } }]);
  });

  it.each([
    ["", "The CSV file is empty. Start it with the header row timestamp,raw_value."],
    ["\n\n", "The CSV file is empty. Start it with the header row timestamp,raw_value."],
    ["timestamp,raw_value\n", "The CSV file has a header but no readings."],
    ["time,value\n1,1\n", "The CSV header lacks the columns timestamp, raw_value. Expected timestamp,raw_value[,meta…]."],
    ["timestamp,value\n1,1\n", "The CSV header lacks the column raw_value. Expected timestamp,raw_value[,meta…]."],
  ])("refuses %j with BAD_INPUT", (text, message) => {
    const error = errorOf(text);
    expect([error.code, error.message]).toEqual(["BAD_INPUT", message]);
  });

  it("refuses malformed quoting with the parser's reason", () => {
    expect(errorOf('timestamp,raw_value\n"1,2\n').message).toMatch(/^The CSV file cannot be parsed: Quote Not Closed/);
  });
});
