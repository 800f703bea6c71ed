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
// A benefit's detail and the events tab are a bundle of their own, fetched
// the first time a visitor opens either. The build (scripts/build-widget.sh) replaces the placeholders
// below with the content-hashed file names.
//
// Nothing waits for anything it does not need: as soon as this module runs it
// starts, side by side, the glue's import, the wasm's download and streaming
// compilation (which needs no glue), and each element's first API requests,
// which the app then takes over by URL instead of asking again.
const GLUE_URL = new URL("./__GLUE__", import.meta.url);
const WASM_URL = new URL("./__WASM__", import.meta.url);
const DETAIL_GLUE_URL = new URL("./__DETAIL_GLUE__", import.meta.url);
const DETAIL_WASM_URL = new URL("./__DETAIL_WASM__", import.meta.url);
const OBSERVED = ["district", "category", "scheme", "tier", "lang", "theme", "api", "limit", "my-card", "events"];
// Requests go to the origin this script was loaded from unless `api` says otherwise.
const DEFAULT_API = GLUE_URL.origin;

// A bundle (glue and wasm), fetched and compiled side by side, once per page.
function load(glue, wasm) {
  const compiled = WebAssembly.compileStreaming(fetch(wasm));
  return import(glue.href).then(async (module) => {
    await module.default({ module_or_path: compiled });
    return module;
  });
}
let loading = null;
const loadApp = () => (loading ??= load(GLUE_URL, WASM_URL));
let detail = null;
const loadDetail = () =>
  (detail ??= load(DETAIL_GLUE_URL, DETAIL_WASM_URL).catch((error) => {
    detail = null; // the next opening tries again
    throw error;
  }));

// The first requests the app makes for these attributes: the reference lists
// and the first page, with the URLs that attrs.rs, query.rs and
// BenefitQuery::to_query_string build (the same parsing, in short). Started
// here, handed over in a Map of URL → Promise<Response>. A URL the app does
// not ask for is never read; one it asks for and is missing is fetched then.
const CODE = /^[a-z0-9_-]{1,32}$/;
const pageSize = (limit) => (/^-?\d+$/.test(limit?.trim() ?? "") ? Math.min(100, Math.max(1, Number(limit))) : 20);
function firstRequests(attrs) {
  const text = (name) => attrs[name]?.trim() || undefined;
  const api = text("api")?.replace(/\/+$/, "") ?? "";
  if (!/^(https?:\/\/|\/|$)/.test(api) || /[\s?#"<>]/.test(api)) return new Map();
  const code = (value, pattern = CODE) => (value && pattern.test(value) ? value : undefined);
  const slug = (name) => code(text(name)?.toLowerCase());
  const lang = (text("lang") ?? "").toLowerCase();
  const is = (tag) => lang === tag || lang.startsWith(`${tag}-`);
  const limit = pageSize(attrs.limit);
  const [scheme, tier] = [slug("scheme"), code(text("tier"), /^[A-Za-z0-9_-]{1,32}$/)];
  const params = {
    district: slug("district"),
    category: slug("category"),
    scheme: scheme && tier && scheme,
    tier: scheme && tier && tier,
    limit,
    lang: is("en") ? "en" : ["zh-hk", "zh-tw", "zh-mo", "zh-hant"].some(is) ? "zh-HK" : "zh-CN",
  };
  const query = Object.entries(params).filter(([, v]) => v).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  const urls = ["districts", "categories", "card-schemes", `benefits?${query.join("&")}`].map((p) => `${api}/api/v1/${p}`);
  // Each element takes its own copy of an answer: the elements that connect
  // together (those of the page's HTML, all at once) ask once per URL; the
  // reference lists are the same for all.
  return new Map(
    urls.map((url) => {
      const answer = asked(url).then((response) => response.clone());
      answer.catch(() => {}); // a failure is the app's to report, when it takes the answer
      return [url, answer];
    }),
  );
}
const asking = new Map();
function asked(url) {
  if (!asking.has(url)) {
    asking.set(url, fetch(url));
    // An element connected later asks afresh.
    queueMicrotask(() => asking.delete(url));
  }
  return asking.get(url);
}

// The space of a full first page, reserved at connect so that the host's
// content below does not jump when the list arrives. From the widget's
// geometry (widget.css: 16 px padding, columns of at least 260 px with 12 px
// gaps) and what the demo's items measure: text wraps more in a narrow
// column, so an item is about 56 px + 46,000 / column width (133–264 px
// measured at 483 and 265 px), and header, tabs, filters and count about
// 250 px + 80,000 / column width (377–550 px). Kept until the visitor first
// acts in the widget, as from then on its height follows what they do; a
// shorter first page leaves the rest blank until then rather than pulling
// the page up.
function reserve(element, container, limit) {
  const width = Math.max(element.getBoundingClientRect().width - 32, 200);
  const columns = Math.max(1, Math.floor((width + 12) / (260 + 12)));
  const column = (width - (columns - 1) * 12) / columns;
  const rows = Math.ceil(limit / columns);
  container.style.minHeight = `${Math.round(250 + 80000 / column + rows * (68 + 46000 / column))}px`;
  const events = ["pointerdown", "keydown", "focusin"];
  const release = () => {
    container.style.minHeight = "";
    for (const type of events) container.removeEventListener(type, release, true);
  };
  for (const type of events) container.addEventListener(type, release, true);
}

// "My card" is a frame of our origin (/embed/my-card) that reports its height
// (linan-my-card.js). Only a message from the frame's own window and origin
// resizes it; the frame sends nothing else, and nothing is sent to it.
const elements = new Set();
addEventListener("message", (event) => {
  const height = event.data?.linan === "my-card-height" ? event.data.height : NaN;
  if (!Number.isFinite(height)) return;
  for (const element of elements) {
    const frame = element.shadowRoot?.querySelector("iframe.lw-frame");
    if (frame?.contentWindow === event.source && event.origin === new URL(frame.src, location.href).origin) {
      frame.style.height = `${Math.min(Math.max(Math.round(height), 0), 20000)}px`;
    }
  }
});

class LinanBenefits extends HTMLElement {
  static get observedAttributes() {
    return OBSERVED;
  }

  connectedCallback() {
    elements.add(this);
    if (this.handle || this.pending) return;
    const root = this.shadowRoot || this.attachShadow({ mode: "open" });
    const container = document.createElement("div");
    root.replaceChildren(container);
    // The app's files first, they are the longest way to the first benefit;
    // then its first requests, before the reservation makes the page lay out.
    const app = loadApp();
    const attrs = this.attributesObject();
    const prefetched = firstRequests(attrs);
    reserve(this, container, pageSize(attrs.limit));
    this.pending = app
      .then(({ mount }) => {
        if (this.isConnected && !this.handle) {
          this.handle = mount(container, this.attributesObject(), prefetched, (...args) => this.openView(...args));
        }
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

  // The app's way to show benefit `id` (`title` if known, "" if not) until
  // `onClose`; returns what removes it. With `id` 0 it shows the events tab
  // instead, whose "Register" calls `onClose` (the app shows "My card") and
  // names the event to the frame itself (events_embed.rs). Mounted beside the app's container, not
  // inside it: two Yew apps from two wasm modules must not nest, each
  // numbers the elements it renders and an event inside the inner one would
  // run the outer one's handlers of the same numbers.
  openView(id, title, onClose) {
    const events = id === 0;
    const slot = document.createElement("div");
    slot.className = `lw-${events ? "events" : "detail"}-slot`;
    this.shadowRoot.append(slot);
    let handle = null;
    let open = true;
    loadDetail()
      .then(({ mount_detail, mount_events }) => {
        if (open && events) handle = mount_events(slot, this.attributesObject(), onClose);
        else if (open) handle = mount_detail(slot, this.attributesObject(), id, title, onClose);
      })
      .catch((error) => {
        if (!open) return;
        const back = document.createElement("button");
        back.textContent = "← 返回 · Back";
        back.onclick = onClose;
        slot.replaceChildren("Linan Talent Home · 荔南人才之家: this could not load. ", events ? "" : back);
        back.focus();
        console.error("linan-benefits:", error);
      });
    return () => {
      open = false;
      slot.remove();
      // Not now: this may run inside the detail's own event handler (its back button).
      const closing = handle;
      if (closing) queueMicrotask(() => closing.destroy());
    };
  }

  attributeChangedCallback() {
    if (this.handle) this.handle.update(this.attributesObject());
  }

  disconnectedCallback() {
    elements.delete(this);
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
