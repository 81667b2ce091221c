// The inflater that unpacks the wasm inlined in stackweigh.js, against Node's zlib: every
// block type DEFLATE has, and damaged input refused with an error rather than garbage.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import zlib from "node:zlib";
import { distFile } from "./support.mjs";

const source = readFileSync(new URL("../../src/embed/inflate.js", import.meta.url), "utf8");
const inflate = new Function(`${source}\nreturn stackweighInflate;`)();

function sample(n, seed) {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    // Mostly repetitive text with noise, like code and data sections.
    out[i] = i % 7 === 0 ? x >>> 24 : "stackweigh wasm module "[(i * 3) % 23].charCodeAt(0);
  }
  return out;
}

test("inflates what zlib deflates: dynamic, fixed and stored blocks", () => {
  const cases = [
    ["empty", new Uint8Array(0), {}],
    ["dynamic Huffman", sample(200_000, 1), { level: 9 }],
    ["fixed Huffman (short input)", new TextEncoder().encode("abcabcabcabc hello hello"), { strategy: zlib.constants.Z_FIXED }],
    ["stored (level 0)", sample(70_000, 2), { level: 0 }],
    ["random bytes", crypto.getRandomValues(new Uint8Array(50_000)), { level: 9 }],
  ];
  for (const [name, bytes, options] of cases) {
    const packed = zlib.deflateRawSync(bytes, options);
    assert.deepEqual(inflate(packed, bytes.length), bytes, name);
  }
});

test("inflates the shipped module back to a valid wasm header", () => {
  const script = distFile("stackweigh.js").toString("utf8");
  const b64 = script.match(/var b64 = "([^"]+)"/)?.[1];
  const size = Number(script.match(/return stackweighInflate\(bytes, (\d+)\)/)?.[1]);
  assert.ok(b64 && size > 0, "the script carries the module and its size");
  const wasm = inflate(Buffer.from(b64, "base64"), size);
  assert.deepEqual([...wasm.subarray(0, 4)], [0, 0x61, 0x73, 0x6d], "\\0asm");
  assert.ok(WebAssembly.validate(wasm), "a valid module");
});

test("damaged input is refused with a message", () => {
  const bytes = sample(10_000, 3);
  const packed = zlib.deflateRawSync(bytes, { level: 9 });
  assert.throws(() => inflate(packed.subarray(0, packed.length >> 1), bytes.length), /damaged/);
  assert.throws(() => inflate(packed, bytes.length - 1), /damaged/);
  assert.throws(() => inflate(Uint8Array.of(0xff, 0xff, 0xff), 10), /damaged/);
});
