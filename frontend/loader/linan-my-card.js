// Linan Talent Home · 荔南人才之家 — the "My card" page (/embed/my-card).
//
// <linan-benefits> frames this page, of our own origin, when a cardholder
// opens "My card": the card number, the sign-in factor, the session token and
// the counter code live here, out of reach of the host page's scripts. This
// module mounts the cardholder's app (its own bundle) into
// <main id="linan-my-card" data-lang data-theme data-origin>, and tells the
// embedding page its height, with postMessage to `data-origin` only (the
// server checked it is an origin). The widget's loader checks, in turn, that
// a message comes from our origin and from its own frame before it resizes
// the frame. The other way, the widget names an event to register for in
// this page's fragment (`#event=ID&n=N`, which does not reload the page and
// reaches no server): the event then shows, and the holder registers here,
// with a button of this page. Nothing else crosses.
//
// The build (scripts/build-widget.sh) fills in the content-hashed file names.
import init, { mount_my_card } from "./__GLUE__";

const main = document.getElementById("linan-my-card");
const { lang, theme, origin } = main.dataset;

try {
  await init({ module_or_path: new URL("./__WASM__", import.meta.url) });
  const handle = mount_my_card(main, { lang, theme, api: location.origin });
  const requested = () => {
    const fragment = new URLSearchParams(location.hash.slice(1));
    const id = Number(fragment.get("event"));
    if (id > 0) handle.request_event(id, Number(fragment.get("n")) || 0);
  };
  requested();
  addEventListener("hashchange", requested);
} catch (error) {
  main.textContent = "Linan Talent Home · 荔南人才之家: “My card” could not load.";
  console.error("linan-my-card:", error);
}

if (origin && window.parent !== window) {
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) window.parent.postMessage({ linan: "my-card-height", height: (last = height) }, origin);
  }).observe(document.documentElement);
}
