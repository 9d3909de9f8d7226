/**
 * Dot products of one query vector with many stored vectors, in a tiny WebAssembly function.
 *
 * Why not a JavaScript loop: a fresh `mlsd score` process reads a few hundred candidate words by
 * meaning, each against about a thousand reference vectors, and spends most of that time in the
 * interpreter before V8 has optimised the loop. WebAssembly runs compiled from its first call.
 * The arithmetic is the JavaScript loop's exactly: each float32 component widened to float64,
 * multiplied, and added to one float64 sum in index order (IEEE 754, no fused multiply-add), so
 * every similarity, and every score, is bit for bit what the loop gave (`dot-kernel.test.ts`).
 */

/** Four vectors at a time: where their pointers and sums live (locals of the function below). */
const UNITS = [0x01, 0x08, 0x09, 0x0a]; // vector 0 (the `units` parameter, advanced), vectors 1-3
const SUMS = [0x0d, 0x0e, 0x0f, 0x10];
const QUERY_VALUE = 0x0c;

/**
 * One component of the query, `at` bytes on, multiplied into each of the four sums:
 * `q = f64(query[qp + at]); sum_j = sum_j + q * f64(units_j[at])` for j = 0..3.
 */
const addComponent = (at: number) => [
  [0x20, 0x06, 0x2a, 0x02, at, 0xbb, 0x21, QUERY_VALUE], // q = f64(f32 at qp + at)
  ...SUMS.map((sum, j) => [
    [0x20, sum, 0x20, QUERY_VALUE], // sum_j, q
    [0x20, UNITS[j]!, 0x2a, 0x02, at, 0xbb], // f64(f32 at units_j + at)
    [0xa2, 0xa0, 0x21, sum], // sum_j = sum_j + q * unit
  ]),
];

/** `local = local + value` for an i32 local. */
const advance = (local: number, value: number) => [0x20, local, 0x41, value, 0x6a, 0x21, local];

/**
 * `dots(query, units, count, dims, out)`, byte offsets into its exported memory "mem":
 * `out[k] = sum over d of f64(query[d]) * f64(units[k * dims + d])`, for k < count, each summed
 * in order of d. Four vectors are read at once, each into a sum of its own: a single sum waits
 * for its previous addition at every step, four independent ones keep the processor busy, and
 * every sum still adds the same products in the same order. `dims` must be a positive multiple of
 * 4 and `count` a multiple of 4. One instruction (or a few) per line.
 */
const BODY = [
  // Parameters: 0 query, 1 units (vector 0 of the four, advanced), 2 count, 3 dims, 4 out (advanced).
  // Locals: 5 k, 6 qp, 7 query end, 8-10 vectors 1-3, 11 stride (i32); 12 q, 13-16 sums (f64).
  [0x02, 0x07, 0x7f, 0x05, 0x7c],
  [0x20, 0x03, 0x41, 0x02, 0x74, 0x21, 0x0b], // stride = dims * 4 bytes
  [0x20, 0x00, 0x20, 0x0b, 0x6a, 0x21, 0x07], // query end = query + stride
  [0x02, 0x40], // block
  [0x03, 0x40], // loop over the vectors, four at a time
  [0x20, 0x05, 0x20, 0x02, 0x4e, 0x0d, 0x01], // if k >= count: leave
  ...SUMS.map((sum) => [0x44, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x21, sum]), // sum_j = 0
  [0x20, 0x00, 0x21, 0x06], // qp = query
  ...[1, 2, 3].map((j) => [0x20, UNITS[j - 1]!, 0x20, 0x0b, 0x6a, 0x21, UNITS[j]!]), // units_j = units_j-1 + stride
  [0x03, 0x40], // loop over the components, four at a time, in order
  ...addComponent(0),
  ...addComponent(4),
  ...addComponent(8),
  ...addComponent(12),
  advance(0x06, 0x10), // qp += 16
  ...UNITS.map((units) => advance(units, 0x10)), // units_j += 16
  [0x20, 0x06, 0x20, 0x07, 0x49, 0x0d, 0x00], // while qp < query end
  [0x0b], // end loop
  ...SUMS.map((sum, j) => [0x20, 0x04, 0x20, sum, 0x39, 0x03, j * 8]), // out[j] = sum_j
  advance(0x04, 0x20), // out += 32
  [0x20, UNITS[3]!, 0x21, 0x01], // units = the end of vector 3: the next four start there
  advance(0x05, 0x04), // k += 4
  [0x0c, 0x00], // next four vectors
  [0x0b, 0x0b], // end loop, end block
  [0x0b], // end function
].flat(2);

/** An unsigned LEB128 number, as WebAssembly writes lengths. */
function leb128(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  do {
    const byte = rest & 0x7f;
    rest >>>= 7;
    out.push(rest === 0 ? byte : byte | 0x80);
  } while (rest !== 0);
  return out;
}

/** A section: its id, its length, its bytes. */
function section(id: number, bytes: number[]): number[] {
  return [id, ...leb128(bytes.length), ...bytes];
}

const MODULE = new Uint8Array([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // magic, version 1
  ...section(1, [0x01, 0x60, 0x05, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x00]), // type: (i32 x 5) -> ()
  ...section(3, [0x01, 0x00]), // one function, of that type
  ...section(5, [0x01, 0x00, 0x01]), // one memory, at least one page
  // exports: "dots" (function 0), "mem" (memory 0)
  ...section(7, [0x02, 0x04, 0x64, 0x6f, 0x74, 0x73, 0x00, 0x00, 0x03, 0x6d, 0x65, 0x6d, 0x02, 0x00]),
  ...section(10, [0x01, ...leb128(BODY.length), ...BODY]), // code: one body
]);

const PAGE = 65_536;

/** The part of the WebAssembly API used here (Node has it; the project's TypeScript libs do not declare it). */
interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}
const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

/** The stored vectors, and their dot products with a query. */
export interface DotKernel {
  /** The dot product of `query` with each stored vector, in storage order (a view, valid until the next call). */
  dots(query: Float32Array): Float64Array;
}

let compiled: object | null = null;

/** A kernel holding `count` vectors of `dims` components, one after the other in `units`. */
export function dotKernel(units: Float32Array, dims: number): DotKernel {
  // The loop takes four components at a time and runs at least once.
  if (dims <= 0 || dims % 4 !== 0) throw new Error(`dot kernel: ${dims} dimensions is not a multiple of 4`);
  const count = units.length / dims;
  // The function reads four vectors at a time: room for up to three more, left at zero (a new
  // memory is zeroed), whose dot products are computed and never read.
  const padded = Math.ceil(count / 4) * 4;
  compiled ??= new wasm.Module(MODULE);
  const instance = new wasm.Instance(compiled);
  const memory = instance.exports.mem as WasmMemory;
  const run = instance.exports.dots as (q: number, u: number, n: number, d: number, o: number) => void;
  // Layout: the vectors, then the query, then the float64 results (8-byte aligned).
  const unitsAt = 0;
  const queryAt = padded * dims * 4;
  const outAt = Math.ceil((queryAt + dims * 4) / 8) * 8;
  const bytes = outAt + padded * 8;
  if (bytes > memory.buffer.byteLength) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
  new Float32Array(memory.buffer, unitsAt, units.length).set(units);
  const query = new Float32Array(memory.buffer, queryAt, dims);
  const out = new Float64Array(memory.buffer, outAt, count);
  return {
    dots(vector: Float32Array): Float64Array {
      query.set(vector.subarray(0, dims));
      run(queryAt, unitsAt, padded, dims, outAt);
      return out;
    },
  };
}
