/**
 * @module store/codec
 * How run outputs are stored compactly: JSON gzipped, and tidy rows as dictionary-coded columns
 * (six Uint16 codes and one Float64 value per row) gzipped. A second entry of `store` with no
 * SQLite in it, so worker threads can encode without loading the database driver.
 */
import { endianness } from "node:os";
import { gunzipSync, gzipSync } from "node:zlib";
import { z } from "zod";
import type { TidyRow } from "../analysis/tidy-series.js";

/** The key columns of a tidy row, in the order their codes are stored. */
export const TIDY_KEY_COLUMNS = ["month", "element", "region", "stage", "variable", "unit"] as const;
export type TidyKeyColumn = (typeof TIDY_KEY_COLUMNS)[number];

/** Values a query may name per dimension (what the run could hold, whether or not it has rows for them). */
export interface TidyDimensions {
  readonly element: readonly string[];
  readonly region: readonly string[];
  readonly stage: readonly string[];
  readonly variable: readonly string[];
}

/** Tidy rows as columns: per key column a dictionary, per row six codes into them and a value. */
export interface TidyColumns {
  readonly dictionaries: { readonly [K in TidyKeyColumn]: readonly string[] };
  /** Dictionary codes, `TIDY_KEY_COLUMNS.length` per row. */
  readonly codes: Uint16Array;
  readonly values: Float64Array;
  readonly dimensions: TidyDimensions;
}

const MAGIC = "CPT1";
const KEYS = TIDY_KEY_COLUMNS.length;

/** Dictionary-code tidy rows. */
export function tidyColumnsFromRows(rows: Iterable<TidyRow>, dimensions: TidyDimensions): TidyColumns {
  const dictionaries = TIDY_KEY_COLUMNS.map(() => new Map<string, number>());
  const codes: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    TIDY_KEY_COLUMNS.forEach((column, k) => {
      const dictionary = dictionaries[k] as Map<string, number>;
      let code = dictionary.get(row[column]);
      if (code === undefined) {
        code = dictionary.size;
        if (code > 0xffff) throw new RangeError(`tidy column ${column} has more than 65,536 distinct values`);
        dictionary.set(row[column], code);
      }
      codes.push(code);
    });
    values.push(row.value);
  }
  const entries = TIDY_KEY_COLUMNS.map((column, k) => [column, [...(dictionaries[k] as Map<string, number>).keys()]] as const);
  return {
    dictionaries: Object.fromEntries(entries) as TidyColumns["dictionaries"],
    codes: Uint16Array.from(codes),
    values: Float64Array.from(values),
    dimensions,
  };
}

const strings = z.array(z.string());
const headerSchema = z.object({
  rows: z.number().int().nonnegative(),
  dictionaries: z.object({ month: strings, element: strings, region: strings, stage: strings, variable: strings, unit: strings }),
  dimensions: z.object({ element: strings, region: strings, stage: strings, variable: strings }),
});

const pad8 = (n: number) => (8 - (n % 8)) % 8;

/** Serialise and gzip tidy columns. */
export function encodeTidyColumns(columns: TidyColumns): Buffer {
  if (endianness() !== "LE") throw new Error("the tidy column format is little-endian; this machine is big-endian");
  const header = Buffer.from(JSON.stringify({ rows: columns.values.length, dictionaries: columns.dictionaries, dimensions: columns.dimensions }), "utf8");
  const headerEnd = 8 + header.length;
  const codesStart = headerEnd + pad8(headerEnd);
  const codesEnd = codesStart + columns.codes.byteLength;
  const valuesStart = codesEnd + pad8(codesEnd);
  const out = Buffer.alloc(valuesStart + columns.values.byteLength);
  out.write(MAGIC, 0, "ascii");
  out.writeUInt32LE(header.length, 4);
  header.copy(out, 8);
  Buffer.from(columns.codes.buffer, columns.codes.byteOffset, columns.codes.byteLength).copy(out, codesStart);
  Buffer.from(columns.values.buffer, columns.values.byteOffset, columns.values.byteLength).copy(out, valuesStart);
  return gzipSync(out);
}

/** Inverse of `encodeTidyColumns`; throws on a blob that is not in the format. */
export function decodeTidyColumns(blob: Uint8Array): TidyColumns {
  const data = gunzipSync(blob);
  if (data.toString("ascii", 0, 4) !== MAGIC) throw new Error("stored tidy rows are not in the CPT1 format");
  const headerLength = data.readUInt32LE(4);
  const header = headerSchema.parse(JSON.parse(data.toString("utf8", 8, 8 + headerLength)));
  const headerEnd = 8 + headerLength;
  const codesStart = headerEnd + pad8(headerEnd);
  const codesEnd = codesStart + header.rows * KEYS * 2;
  const valuesStart = codesEnd + pad8(codesEnd);
  // Copy into fresh buffers: the gunzipped bytes need not be aligned for typed-array views.
  const slice = (from: number, to: number) => data.buffer.slice(data.byteOffset + from, data.byteOffset + to);
  return {
    dictionaries: header.dictionaries,
    dimensions: header.dimensions,
    codes: new Uint16Array(slice(codesStart, codesEnd)),
    values: new Float64Array(slice(valuesStart, valuesStart + header.rows * 8)),
  };
}

/** JSON, gzipped. */
export function gzipJson(value: unknown): Buffer {
  return gzipSync(Buffer.from(JSON.stringify(value), "utf8"));
}

/** Inverse of `gzipJson` (the result is unchecked: parse it at the edge). */
export function gunzipJson(blob: Uint8Array): unknown {
  return JSON.parse(gunzipSync(blob).toString("utf8"));
}
