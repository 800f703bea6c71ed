// Linan Talent Home · 荔南人才之家 — the <linan-benefits> custom element.
//
// A district site embeds the benefits list with:
//   <script type="module" src="https://HOST/widget/linan-benefits.js"></script>
//   <linan-benefits district="nanhai" category="scenic_discount" lang="zh-CN"></linan-benefits>
//
// This loader defines the element and nothing else: it is an ES module, so it
// adds no global names. Each element renders into its own open shadow root,
// so the host page's CSS neither leaks in nor out. The Yew/WASM app is loaded
// once per page and shared by all elements; each element mounts its own app.
// The build (scripts/build-widget.sh) replaces the two placeholders below with
// the content-hashed file names.
import init, { mount } from "./__GLUE__";

const OBSERVED = ["district", "category", "scheme", "tier", "lang", "theme", "api", "limit", "my-card"];
// Requests go to the origin this script was loaded from unless `api` says otherwise.
const DEFAULT_API = new URL(import.meta.url).origin;
const WASM_URL = new URL("./__WASM__", import.meta.url);

let loading = null;
function loadWasm() {
  if (!loading) loading = init({ module_or_path: WASM_URL });
  return loading;
}

class LinanBenefits extends HTMLElement {
  static get observedAttributes() {
    return OBSERVED;
  }

  connectedCallback() {
    if (this.handle || this.pending) return;
    const root = this.shadowRoot || this.attachShadow({ mode: "open" });
    const container = document.createElement("div");
    root.replaceChildren(container);
    this.pending = loadWasm()
      .then(() => {
        if (this.isConnected && !this.handle) this.handle = mount(container, this.attributesObject());
      })
      .catch((error) => {
        // Without WebAssembly (e.g. a CSP without 'wasm-unsafe-eval') say so in the page, not only in the console.
        container.textContent = "Linan Talent Home · 荔南人才之家: the benefits list could not load.";
        console.error("linan-benefits:", error);
      })
      .finally(() => {
        this.pending = null;
      });
  }

  attributeChangedCallback() {
    if (this.handle) this.handle.update(this.attributesObject());
  }

  disconnectedCallback() {
    if (this.handle) {
      this.handle.destroy();
      this.handle = null;
    }
  }

  attributesObject() {
    const attrs = {};
    for (const name of OBSERVED) {
      const value = this.getAttribute(name);
      if (value !== null) attrs[name] = value;
    }
    if (!attrs.api) attrs.api = DEFAULT_API;
    return attrs;
  }
}

if (!customElements.get("linan-benefits")) customElements.define("linan-benefits", LinanBenefits);
