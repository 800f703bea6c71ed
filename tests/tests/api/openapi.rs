//! The OpenAPI document: complete, and accurate enough that requests
//! generated from it get documented answers whose bodies match its schemas.

use std::collections::BTreeSet;

use linan_tests::{
    TestApp, db_tests,
    linan_shared::{MAX_EMAIL_CHARS, MAX_PASSWORD_CHARS},
};
use serde_json::Value;

db_tests!(Demo => {
    the_document_is_openapi_3_1_and_lists_every_route,
    requests_generated_from_the_document_get_documented_answers,
    every_reference_resolves,
    every_answer_and_constraint_is_declared,
});

/// Every route the router serves. A new route must be added here — and so to
/// the document, or this test fails.
const ROUTES: &[&str] = &[
    "/api/v1/benefits",
    "/api/v1/benefits/{id}",
    "/api/v1/partners/{id}",
    "/api/v1/districts",
    "/api/v1/categories",
    "/api/v1/card-schemes",
    "/api/v1/auth/signup",
    "/api/v1/auth/login",
    "/api/v1/auth/logout",
    "/api/v1/auth/me",
    "/api/v1/auth/password",
    "/api/v1/merchant/partner",
    "/api/v1/merchant/staff",
    "/api/v1/merchant/staff/{id}",
    "/api/v1/merchant/staff/invites",
    "/api/v1/merchant/staff/invites/{id}",
    "/api/v1/merchant/offers",
    "/api/v1/merchant/offers/{id}",
    "/api/v1/merchant/offers/{id}/submit",
    "/api/v1/merchant/offers/{id}/pause",
    "/api/v1/merchant/offers/{id}/resume",
    "/api/v1/merchant/offers/{id}/withdraw",
    "/api/v1/admin/partners",
    "/api/v1/admin/partners/{id}",
    "/api/v1/admin/partners/{id}/approve",
    "/api/v1/admin/partners/{id}/reject",
    "/api/v1/admin/partners/{id}/suspend",
    "/api/v1/admin/partners/{id}/reinstate",
    "/api/v1/admin/partner-revisions",
    "/api/v1/admin/partner-revisions/{id}/approve",
    "/api/v1/admin/partner-revisions/{id}/reject",
    "/api/v1/admin/offers",
    "/api/v1/admin/offers/{id}",
    "/api/v1/admin/offers/{id}/approve",
    "/api/v1/admin/offers/{id}/reject",
    "/api/v1/admin/audit",
    "/api/v1/admin/cards/import",
    "/api/v1/admin/recognitions",
    "/api/v1/admin/recognitions/{id}",
    "/api/v1/admin/embed-sites",
    "/api/v1/admin/embed-sites/{id}",
    "/api/v1/admin/embed-sites/{id}/figures",
    "/api/v1/cardholder/session",
    "/api/v1/cardholder/benefits",
    "/api/v1/cardholder/code",
    "/api/v1/cardholder/redemptions",
    "/api/v1/cardholder/events",
    "/api/v1/cardholder/events/{id}/registration",
    "/api/v1/events",
    "/api/v1/events/{id}",
    "/api/v1/events.ics",
    "/api/v1/events/{id}.ics",
    "/api/v1/merchant/events",
    "/api/v1/merchant/events/{id}",
    "/api/v1/merchant/events/{id}/submit",
    "/api/v1/merchant/events/{id}/cancel",
    "/api/v1/merchant/events/{id}/registrations",
    "/api/v1/merchant/events/{id}/check-in",
    "/api/v1/merchant/events/{id}/attendees.csv",
    "/api/v1/admin/events",
    "/api/v1/admin/events/{id}",
    "/api/v1/admin/events/{id}/publish",
    "/api/v1/admin/events/{id}/reject",
    "/api/v1/admin/events/{id}/cancel",
    "/api/v1/merchant/counter/verify",
    "/api/v1/redemptions",
    "/api/v1/redemptions/{id}/void",
    "/api/v1/merchant/redemptions",
    "/api/v1/merchant/figures",
    "/api/v1/admin/holds",
    "/api/v1/admin/cards/{number}/suspend",
    "/api/v1/admin/cards/{number}/reinstate",
    "/api/v1/admin/cards/{number}/suspend-holder",
    "/api/v1/admin/cards/{number}/reinstate-holder",
    "/api/openapi.json",
    "/healthz",
    "/readyz",
    "/metrics",
    "/widget/{file}",
    "/embed",
    "/embed/my-card",
    "/demo/hostile.js",
    "/portal",
    "/portal/{file}",
    "/",
];

async fn the_document_is_openapi_3_1_and_lists_every_route(app: TestApp) {
    let doc: Value = app.get_json("/api/openapi.json").await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"), "{}", doc["openapi"]);
    let paths: BTreeSet<&str> = doc["paths"].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(paths, ROUTES.iter().copied().collect());
}

/// A sample valid value for each query parameter the document lists.
fn sample(param: &str) -> Option<&'static str> {
    Some(match param {
        "district" => "nanhai",
        "category" => "scenic_discount",
        "partner" => "1",
        "scheme" => "youyue_foshan",
        "tier" => "B",
        "valid_on" => return None, // a date relative to today; covered in catalogue tests
        "q" => "%E5%85%8D%E8%B4%B9",
        "near" => "23.03,113.15",
        "radius_km" => "50",
        "sort" => "nearest",
        "cursor" => return None, // only valid from a previous page
        "limit" => "3",
        "lang" => "en",
        "theme" => "dark",
        "my-card" | "events" => "off",
        "origin" => "https%3A%2F%2Fwww.nanhai.gov.cn",
        "status" => "pending",
        "action" => "offer.submit",
        "entity" => "offer",
        "entity_id" | "actor" => "1",
        "days" => "7",
        "type" => "job_fair",
        "from" => "2026-01-01",
        "to" => "2099-12-31",
        other => panic!("the document lists a parameter `{other}` this test has no sample for"),
    })
}

fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r.trim_start_matches("#/components/schemas/");
            resolve(doc, &doc["components"]["schemas"][name])
        }
        None => schema,
    }
}

/// A small structural validator: `$ref`, `oneOf`/`anyOf`/`allOf`, `type`
/// (single or list), `required`, `properties`, `items`, `enum`.
fn validate(doc: &Value, schema: &Value, value: &Value, at: &str) -> Result<(), String> {
    let schema = resolve(doc, schema);
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for s in all {
            validate(doc, s, value, at)?;
        }
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(any) = schema.get(key).and_then(Value::as_array)
            && !any.iter().any(|s| validate(doc, s, value, at).is_ok())
        {
            return Err(format!("{at}: {value} matches none of {key}"));
        }
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array)
        && !values.contains(value)
    {
        return Err(format!("{at}: {value} not in enum {values:?}"));
    }
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let ok = types.iter().any(|t| match *t {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "boolean" => value.is_boolean(),
            "null" => value.is_null(),
            _ => true,
        });
        if !ok {
            return Err(format!("{at}: {value} is not {types:?}"));
        }
    }
    if let Some(obj) = value.as_object() {
        for req in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
            let name = req.as_str().unwrap_or_default();
            if !obj.contains_key(name) {
                return Err(format!("{at}: required `{name}` missing"));
            }
        }
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            for (name, s) in props {
                if let Some(v) = obj.get(name) {
                    validate(doc, s, v, &format!("{at}.{name}"))?;
                }
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), value.as_array()) {
        for (i, v) in arr.iter().enumerate() {
            validate(doc, items, v, &format!("{at}[{i}]"))?;
        }
    }
    Ok(())
}

async fn requests_generated_from_the_document_get_documented_answers(app: TestApp) {
    let doc: Value = app.get_json("/api/openapi.json").await;
    let first = app.benefits("limit=1").await.items.remove(0);
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        let op = &item["get"];
        if op.is_null() {
            continue; // write routes are exercised by the account, merchant and admin tests
        }
        let id = if path.starts_with("/api/v1/partners") { first.partner.id } else { first.id };
        let concrete = path.replace("{id}", &id.to_string());
        let mut queries = vec![String::new()];
        let params: Vec<&Value> = op["parameters"].as_array().map(|a| a.iter().collect()).unwrap_or_default();
        let all_query: Vec<String> = params
            .iter()
            .filter(|p| p["in"] == "query")
            .filter_map(|p| {
                let name = p["name"].as_str().unwrap();
                sample(name).map(|v| format!("{name}={v}"))
            })
            .collect();
        if !all_query.is_empty() {
            queries.push(all_query.join("&"));
            queries.extend(all_query.iter().cloned());
        }
        for query in queries {
            let url = if query.is_empty() { concrete.clone() } else { format!("{concrete}?{query}") };
            let response = app.get(&url).await;
            let status = response.status().as_u16().to_string();
            let documented = &op["responses"][&status];
            assert!(documented.is_object(), "GET {url} answered {status}, which the document does not list");
            let schema = &documented["content"]["application/json"]["schema"];
            if status == "200" && schema.is_object() {
                let body: Value = response.json().await.unwrap();
                validate(&doc, schema, &body, &url).unwrap_or_else(|e| panic!("{e}"));
            }
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} requests generated");
}

/// Every `$ref` names a schema the document holds: a dangling one leaves
/// generated clients (and property-based testers) without the type.
async fn every_reference_resolves(app: TestApp) {
    fn walk<'a>(value: &'a Value, refs: &mut Vec<&'a str>) {
        match value {
            Value::Object(map) => {
                if let Some(r) = map.get("$ref").and_then(Value::as_str) {
                    refs.push(r);
                }
                map.values().for_each(|v| walk(v, refs));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, refs)),
            _ => {}
        }
    }
    let doc: Value = app.get_json("/api/openapi.json").await;
    let mut refs = Vec::new();
    walk(&doc, &mut refs);
    assert!(!refs.is_empty());
    let dangling: BTreeSet<&str> = refs
        .into_iter()
        .filter(|r| {
            r.strip_prefix("#/components/schemas/").is_none_or(|name| doc["components"]["schemas"][name].is_null())
        })
        .collect();
    assert!(dangling.is_empty(), "dangling references: {dangling:?}");
}

/// What the server does is in the document: a 400 wherever a parameter or
/// body can be malformed, positive ids, a 401 and a security requirement
/// wherever a session is needed.
async fn every_answer_and_constraint_is_declared(app: TestApp) {
    let doc: Value = app.get_json("/api/openapi.json").await;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let at = format!("{method} {path}");
            let params = op["parameters"].as_array().cloned().unwrap_or_default();
            if !params.is_empty() || op.get("requestBody").is_some() {
                assert!(op["responses"]["400"].is_object(), "{at}: no 400");
            }
            for p in params.iter().filter(|p| p["name"] == "id") {
                assert_eq!(p["schema"]["minimum"], 1, "{at}: id must be positive");
                assert_eq!(p["schema"]["format"], "int64", "{at}");
            }
            if op.get("security").is_some() {
                assert!(op["responses"]["401"].is_object(), "{at}: secured without a 401");
            }
            let private =
                ["/api/v1/merchant/", "/api/v1/admin/", "/api/v1/redemptions"].iter().any(|p| path.starts_with(p));
            if private {
                assert!(op.get("security").is_some(), "{at}: needs a session but declares no security");
            }
        }
    }
    let login = &doc["paths"]["/api/v1/auth/login"]["post"]["requestBody"]["content"]["application/json"]["schema"];
    let login = resolve(&doc, login);
    assert_eq!(login["properties"]["email"]["maxLength"], MAX_EMAIL_CHARS, "{login}");
    assert_eq!(login["properties"]["password"]["maxLength"], MAX_PASSWORD_CHARS, "{login}");
}
