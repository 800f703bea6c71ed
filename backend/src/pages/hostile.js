// The demo host page's hostile script: what analytics or an injected third
// party on a district site could do. It records every key event and `input`
// it can see, every message posted to the page, and every input value and
// text it can reach inside the <linan-benefits> elements (their open shadow
// roots, and any frame whose document it may open). The browser tests serve
// this page from another origin, as a district site is, and check that it
// gets nothing of a cardholder's card, sign-in, token or counter code —
// while it does get the public catalogue and what is typed in the search box.
const spy = { keys: [], seen: new Set(), messages: [] };
Object.defineProperty(window, "__spy", { value: spy });
for (const type of ["keydown", "keypress", "keyup"]) {
  addEventListener(type, (event) => spy.keys.push(event.key), true);
}
addEventListener("input", (event) => spy.keys.push(event.data ?? ""), true);
addEventListener("message", (event) => spy.messages.push(JSON.stringify(event.data)));
function look() {
  for (const element of document.querySelectorAll("linan-benefits")) {
    const roots = [element.shadowRoot];
    for (const frame of element.shadowRoot?.querySelectorAll("iframe") ?? []) {
      try {
        roots.push(frame.contentDocument?.documentElement);
      } catch {
        // Another origin: out of reach.
      }
    }
    for (const root of roots) {
      if (!root) continue;
      for (const input of root.querySelectorAll("input")) spy.seen.add(input.value);
      spy.seen.add(root.textContent);
    }
  }
}
setInterval(look, 50);
