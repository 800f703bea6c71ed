//! Minifies the stylesheets (`src/widget.css`; `src/events.css` for the
//! events tab and registration; `src/detail.css` for a
//! benefit's detail, `src/card.css` for the "My card" page) into `OUT_DIR`
//! for `include_str!`.
//!
//! The stylesheets ship inside the wasm, so its comments and indentation
//! would count against the widget's size budget; the source keeps them.
//! A deliberately small minifier: drops comments, collapses whitespace, and
//! removes it around `{ } ; ,` and after `:` (never before `:`, where it is
//! a descendant combinator, as in `.lw-root :focus-visible`). Quoted strings
//! are copied untouched.

use std::{env, fs, path::Path};

fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                pending_space = true;
            }
            '"' | '\'' => {
                flush_space(&mut out, &mut pending_space, c);
                out.push(c);
                for d in chars.by_ref() {
                    out.push(d);
                    if d == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => pending_space = true,
            '{' | '}' | ';' | ',' | ':' | '>' => {
                // No space before these, except before ':' (a descendant combinator).
                if c == ':' && pending_space && !out.ends_with(['{', '}', ';', ',', ':', '>']) && !out.is_empty() {
                    out.push(' ');
                }
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                pending_space = false;
                // And none after them.
                while chars.peek().is_some_and(|d| d.is_whitespace()) {
                    chars.next();
                }
            }
            c => {
                flush_space(&mut out, &mut pending_space, c);
                out.push(c);
            }
        }
    }
    out
}

fn flush_space(out: &mut String, pending: &mut bool, _next: char) {
    if *pending && !out.is_empty() && !out.ends_with(['{', '}', ';', ',', ':', '>', ' ']) {
        out.push(' ');
    }
    *pending = false;
}

fn main() {
    let out_dir = env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}"));
    for name in ["widget", "detail", "card", "events"] {
        let source = Path::new("src").join(format!("{name}.css"));
        println!("cargo::rerun-if-changed={}", source.display());
        let css = fs::read_to_string(&source).unwrap_or_else(|e| panic!("reading {}: {e}", source.display()));
        fs::write(Path::new(&out_dir).join(format!("{name}.min.css")), minify(&css))
            .unwrap_or_else(|e| panic!("writing {name}.min.css: {e}"));
    }
}
