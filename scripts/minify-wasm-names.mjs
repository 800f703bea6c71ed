// Shortens the names between a wasm-bindgen module and its JS glue.
//
//   node scripts/minify-wasm-names.mjs WASM_OPT IN.wasm GLUE.js OUT.wasm   (rewrites GLUE.js in place)
//
// wasm-bindgen names every import after the JS function it binds plus a hash
// (`__wbg_setAttribute_f75317b2b5cabfb4`) and every export after the Rust
// item; each name is written in the module and again in the glue. binaryen's
// `--minify-imports-and-exports-and-modules` renames them all (`a`, `b`, …)
// and prints the mapping, which this script applies to the glue: the import
// object's module and keys, and every `wasm.<export>`. It saves about 2.5 KB
// gzip of the widget's module (measured; docs/benchmarks.md). A name the glue
// does not use is left alone; a name it uses and the map lacks fails the
// build (instantiation would fail at run time otherwise).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const [wasmOpt, input, gluePath, output] = process.argv.slice(2);
const features = ["bulk-memory", "mutable-globals", "nontrapping-float-to-int", "sign-ext", "reference-types", "multivalue"];
const map = JSON.parse(
  execFileSync(wasmOpt, [...features.map((f) => `--enable-${f}`), "--minify-imports-and-exports-and-modules", input, "-o", output], {
    encoding: "utf8",
  }),
);

let glue = readFileSync(gluePath, "utf8");
const escape = (s) => s.replace(/[$]/g, "\\$&");
const modules = new Set(map.imports.map(([module]) => module));
if (modules.size !== 1) throw new Error(`expected the glue's one import module, found ${[...modules]}`);
const [module] = modules;
const moduleKey = `${JSON.stringify(module)}: import0`;
if (!glue.includes(moduleKey)) throw new Error(`the glue does not name its import module as ${moduleKey}`);
// binaryen names the one module "a".
glue = glue.replace(moduleKey, `"a": import0`);
for (const [, base, short] of map.imports) {
  const key = new RegExp(`(^|[\\s{,])${escape(base)}(?=\\s*:)`, "m");
  if (!key.test(glue)) throw new Error(`the glue has no import ${base}`);
  glue = glue.replace(key, `$1${JSON.stringify(short)}`);
}
for (const [name, short] of map.exports) {
  glue = glue.replace(new RegExp(`\\bwasm\\.${escape(name)}\\b`, "g"), `wasm[${JSON.stringify(short)}]`);
}
const left = glue.match(/\bwasm\.[A-Za-z_$][\w$]*/g);
if (left) throw new Error(`exports the map does not rename: ${[...new Set(left)]}`);
writeFileSync(gluePath, glue);
