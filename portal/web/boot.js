// Starts the portal: loads the wasm-bindgen glue and instantiates the
// module, whose start function renders the app into <div id="portal">.
// scripts/build-portal.sh fills in the content-hashed file names.
import init from "./__GLUE__";

init({ module_or_path: new URL("./__WASM__", import.meta.url) });
