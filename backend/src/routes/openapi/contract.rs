//! The rules every operation shares, applied to the generated document so
//! no handler's annotation can forget them:
//!
//! - an operation with parameters or a body answers 400 when one is
//!   malformed (every extractor answers the `ErrorBody` with
//!   `invalid_parameter`, and U+0000 anywhere is refused);
//! - ids in paths and id-valued query parameters are positive `int64`s
//!   ([`crate::http::path::PathId`] refuses anything else);
//! - every `/api/v1` operation may answer 503 when the database is busy or
//!   unreachable;
//! - an operation that needs a session declares its security schemes, its
//!   401 and its 403 (a role that may not, or a cookie without `x-csrf-token`);
//! - no text holds U+0000 ([`crate::http::nul`]): every free string schema
//!   gets a pattern saying so; dates get theirs; integers their type's range.

use utoipa::openapi::{
    ContentBuilder, KnownFormat, ObjectBuilder, OpenApi, RefOr, ResponseBuilder, Schema, SchemaFormat, Type,
    path::{Operation, ParameterIn},
    schema::{ArrayItems, SchemaType},
    security::SecurityRequirement,
};

/// The pattern of a text without U+0000.
const NO_NUL: &str = "^[^\\u0000]*$";

/// A `YYYY-MM-DD` date from 1900, as `linan_shared::Date::parse` accepts
/// (`format: date` alone is only an annotation in JSON Schema 2020-12).
const DATE: &str = "^(19|[2-9][0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}$";

/// Query parameters that carry a row id the server requires to be
/// positive (the audit log's `entity_id` and `actor` are plain filters).
const ID_QUERY_PARAMS: [&str; 1] = ["partner"];

/// Paths (by prefix) that need a merchant or admin session: the cookie
/// (with `x-csrf-token` on writes) or a bearer token.
const STAFF_PREFIXES: [&str; 6] = [
    "/api/v1/merchant/",
    "/api/v1/admin/",
    "/api/v1/redemptions",
    "/api/v1/auth/logout",
    "/api/v1/auth/me",
    "/api/v1/auth/password",
];

/// Applies the shared rules (see the module docs).
pub(super) struct Contract;

impl utoipa::Modify for Contract {
    fn modify(&self, openapi: &mut OpenApi) {
        if let Some(components) = openapi.components.as_mut() {
            components.schemas.values_mut().for_each(constrain);
        }
        for (path, item) in openapi.paths.paths.iter_mut() {
            let ops = [
                (&mut item.get, "get"),
                (&mut item.put, "put"),
                (&mut item.post, "post"),
                (&mut item.delete, "delete"),
                (&mut item.patch, "patch"),
            ];
            for (op, method) in ops {
                if let Some(op) = op.as_mut() {
                    apply(path, method, op);
                }
            }
        }
    }
}

fn apply(path: &str, method: &str, op: &mut Operation) {
    if let Some(body) = op.request_body.as_mut() {
        body.content.values_mut().filter_map(|c| c.schema.as_mut()).for_each(constrain);
    }
    let params = op.parameters.get_or_insert_with(Vec::new);
    for p in params.iter_mut() {
        if let Some(schema) = p.schema.as_mut() {
            constrain(schema);
        }
        let id = match p.parameter_in {
            ParameterIn::Path => p.name == "id",
            ParameterIn::Query => ID_QUERY_PARAMS.contains(&p.name.as_str()),
            _ => false,
        };
        if id {
            p.schema = Some(positive_id().into());
        }
    }
    let has_input = !params.is_empty() || op.request_body.is_some();
    if params.is_empty() {
        op.parameters = None;
    }
    if has_input {
        error(op, "400", "A parameter or the body is malformed or out of range; `error.param` names it");
    }
    if path.starts_with("/api/v1/") {
        error(op, "503", "The database is busy or unreachable; retry (Retry-After)");
    }
    let cardholder = path.starts_with("/api/v1/cardholder/") && !(path.ends_with("/session") && method == "post");
    let staff = STAFF_PREFIXES.iter().any(|p| path.starts_with(p));
    if staff {
        op.security = Some(vec![
            SecurityRequirement::new("bearer", Vec::<String>::new()),
            SecurityRequirement::new("session_cookie", Vec::<String>::new()),
        ]);
    } else if cardholder {
        op.security = Some(vec![SecurityRequirement::new("bearer", Vec::<String>::new())]);
    }
    if staff || cardholder {
        error(op, "401", "No valid session or token came with the request");
    }
    if staff {
        error(op, "403", "This role may not do this, or a cookie session sent no valid `x-csrf-token`");
    }
}

fn positive_id() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
        .minimum(Some(1))
}

/// Documents `status` with the error body, unless the operation already does.
fn error(op: &mut Operation, status: &str, description: &str) {
    op.responses.responses.entry(status.to_owned()).or_insert_with(|| {
        let body =
            ContentBuilder::new().schema(Some(RefOr::Ref(utoipa::openapi::Ref::from_schema_name("ErrorBody")))).build();
        RefOr::T(ResponseBuilder::new().description(description).content("application/json", body).build())
    });
}

/// Through properties, items and compositions: gives every string schema
/// without a pattern, format or enum the [`NO_NUL`] pattern, dates the
/// [`DATE`] pattern, and every
/// integer the range of its Rust type (`int32`/`int64`, unsigned where
/// utoipa wrote `minimum: 0`), which the body extractor enforces.
fn constrain(schema: &mut RefOr<Schema>) {
    let RefOr::T(schema) = schema else { return };
    match schema {
        Schema::Object(o) => {
            let is_string = match &o.schema_type {
                SchemaType::Type(t) => *t == Type::String,
                SchemaType::Array(types) => types.contains(&Type::String),
                SchemaType::AnyValue => false,
            };
            if is_string && o.pattern.is_none() && o.enum_values.is_none() {
                o.pattern = match &o.format {
                    None => Some(NO_NUL.to_owned()),
                    Some(SchemaFormat::KnownFormat(KnownFormat::Date)) => Some(DATE.to_owned()),
                    Some(_) => None,
                };
            }
            integer_range(o);
            o.properties.values_mut().for_each(constrain);
        }
        Schema::Array(a) => {
            if let ArrayItems::RefOrSchema(items) = &mut a.items {
                constrain(items);
            }
        }
        Schema::OneOf(x) => x.items.iter_mut().for_each(constrain),
        Schema::AllOf(x) => x.items.iter_mut().for_each(constrain),
        Schema::AnyOf(x) => x.items.iter_mut().for_each(constrain),
        _ => {}
    }
}

/// Bounds an integer schema by its format, keeping tighter bounds it has.
fn integer_range(o: &mut utoipa::openapi::schema::Object) {
    use utoipa::Number;
    let unsigned = matches!(o.minimum, Some(Number::Int(0) | Number::UInt(0)));
    let (min, max) = match &o.format {
        Some(SchemaFormat::KnownFormat(KnownFormat::Int32)) if unsigned => (Number::UInt(0), Number::from(u32::MAX)),
        Some(SchemaFormat::KnownFormat(KnownFormat::Int32)) => (Number::from(i32::MIN), Number::from(i32::MAX)),
        Some(SchemaFormat::KnownFormat(KnownFormat::Int64)) if unsigned => (Number::UInt(0), Number::from(u64::MAX)),
        Some(SchemaFormat::KnownFormat(KnownFormat::Int64)) => (Number::from(i64::MIN), Number::from(i64::MAX)),
        _ => return,
    };
    o.minimum.get_or_insert(min);
    o.maximum.get_or_insert(max);
}
