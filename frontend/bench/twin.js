// The widget's plain-JavaScript twin, for the first-paint benchmark
// (first-paint.mjs): a custom element with no framework and no WebAssembly
// that makes the widget's first requests (the three reference lists and the
// first page, same URLs) and renders the same markup into an open shadow
// root with the widget's stylesheet (filled in by the benchmark).
// It only paints; it is the yardstick, not a product.
const CSS = __CSS__;
const T = {
  "zh-CN": { search: "搜索优惠", all: "全部", districts: "全部区域", near: "附近优先", list: "优惠列表", n: "共 {n} 项", more: "加载更多", tabs: ["优惠", "我的卡"], free: "免费入场", prio: "优先服务", gift: "赠送礼品" },
  "zh-HK": { search: "搜尋優惠", all: "全部", districts: "全部區域", near: "附近優先", list: "優惠列表", n: "共 {n} 項", more: "載入更多", tabs: ["優惠", "我的卡"], free: "免費入場", prio: "優先服務", gift: "贈送禮品" },
  en: { search: "Search benefits", all: "All", districts: "All districts", near: "Near me", list: "Benefits", n: "{n} results", more: "Load more", tabs: ["Benefits", "My card"], free: "Free entry", prio: "Priority service", gift: "Free gift" },
};
const h = (tag, attrs = {}, ...kids) => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...kids.filter((k) => k != null));
  return el;
};
const yuan = (fen) => String(fen / 100);
function gives(t, lang, g) {
  const en = lang === "en";
  switch (g.kind) {
    case "percent_off": return en ? `${g.percent}% off` : `${(100 - g.percent) / 10}折`;
    case "amount_off": return en ? `¥${yuan(g.amount_fen)} off` : `立减 ${yuan(g.amount_fen)} 元`;
    case "fixed_price": return en ? `Special price ¥${yuan(g.price_fen)}` : `特惠价 ${yuan(g.price_fen)} 元`;
    case "free_entry": return t.free;
    case "priority_service": return t.prio;
    default: return t.gift;
  }
}
customElements.define("linan-benefits", class extends HTMLElement {
  async connectedCallback() {
    const a = (n) => this.getAttribute(n);
    const lang = a("lang") || "zh-CN", t = T[lang] || T["zh-CN"];
    const q = new URLSearchParams();
    for (const k of ["district", "category", "scheme", "tier"]) if (a(k)) q.set(k, a(k));
    q.set("limit", a("limit") || "20");
    q.set("lang", lang);
    const get = (path) => fetch(`/api/v1/${path}`).then((r) => r.json());
    const [districts, categories, , page] = await Promise.all([get("districts"), get("categories"), get("card-schemes"), get(`benefits?${q}`)]);
    const name = (list, code) => list.find((x) => x.code === code)?.name[lang];
    const root = this.attachShadow({ mode: "open" });
    root.append(h("style", {}, CSS), h("div", { class: "lw-root", "data-theme": a("theme") || "light", lang },
      h("header", { class: "lw-header" }, h("p", { class: "lw-brand" }, "Linan Talent Home · 荔南人才之家")),
      h("nav", { class: "lw-tabs" }, ...t.tabs.map((x, i) => h("button", { type: "button", class: "lw-tab", ...(i ? {} : { "aria-current": "page" }) }, x))),
      h("div", { class: "lw-main" },
        h("div", { class: "lw-filters" },
          h("form", { class: "lw-search-form", role: "search" }, h("input", { type: "search", class: "lw-search", "aria-label": t.search })),
          h("div", { class: "lw-chips" }, h("button", { type: "button", class: "lw-chip", "aria-pressed": "true" }, t.all),
            ...categories.map((c) => h("button", { type: "button", class: "lw-chip", "aria-pressed": "false" }, c.name[lang]))),
          h("div", { class: "lw-filter-row" },
            h("select", { class: "lw-district" }, h("option", {}, t.districts), ...districts.map((d) => h("option", {}, d.name[lang]))),
            h("button", { type: "button", class: "lw-near" }, t.near))),
        h("p", { class: "lw-count", "aria-live": "polite" }, t.n.replace("{n}", page.items.length)),
        h("ul", { class: "lw-list", role: "list", "aria-label": t.list }, ...page.items.map((b) =>
          h("li", { class: "lw-item", role: "listitem", "data-id": b.id },
            h("button", { type: "button", class: "lw-open" }, h("span", { class: "lw-title" }, b.title)),
            h("p", { class: "lw-partner" }, b.partner.name),
            h("p", { class: "lw-summary" }, b.summary),
            h("p", { class: "lw-meta" }, h("span", { class: "lw-gives" }, gives(t, lang, b.gives)), h("span", { class: "lw-cat" }, name(categories, b.category)))))),
        page.next_cursor ? h("button", { type: "button", class: "lw-more" }, t.more) : null)));
  }
});
