//! [`JsonBody`]: a JSON request body answering malformed bodies with the
//! API's error body (400 `invalid_parameter` with `param` set to `body`)
//! instead of axum's plain-text rejection.
//!
//! Two rules make it accept exactly what the OpenAPI document allows:
//! a whole decimal such as `7.0` is an integer (JSON Schema says so, and
//! generated clients send it), and no text may hold U+0000 (see
//! [`super::nul`]).

use axum::extract::{FromRequest, Request, rejection::JsonRejection};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::{Number, Value};

use crate::error::ApiError;

/// A JSON request body of type `T`.
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned + Serialize, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let axum::Json(mut value) = axum::Json::<Value>::from_request(req, state).await?;
        whole_numbers(&mut value);
        let body: T = serde_path_to_error::deserialize(value).map_err(|e| {
            let message = match e.path().to_string().as_str() {
                "." => e.inner().to_string(),
                path => format!("{path}: {}", e.inner()),
            };
            ApiError::invalid("body", message)
        })?;
        // Only what was read is checked: unknown fields are dropped unread,
        // so a NUL in one of them never reaches the database.
        if holds_nul(&serde_json::to_value(&body).map_err(|e| ApiError::Internal(e.to_string()))?) {
            return Err(ApiError::invalid("body", super::nul::MESSAGE));
        }
        Ok(JsonBody(body))
    }
}

/// Turns whole decimals into integers, everywhere in `value`.
fn whole_numbers(value: &mut Value) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(whole_numbers),
        Value::Object(fields) => fields.values_mut().for_each(whole_numbers),
        Value::Number(n) => {
            if let Some(whole) = whole_integer(n) {
                *n = whole;
            }
        }
        Value::Null | Value::Bool(_) | Value::String(_) => {}
    }
}

/// Whether any string or key in `value` holds U+0000.
fn holds_nul(value: &Value) -> bool {
    match value {
        Value::String(s) => s.contains('\0'),
        Value::Array(items) => items.iter().any(holds_nul),
        Value::Object(fields) => fields.iter().any(|(k, v)| k.contains('\0') || holds_nul(v)),
        Value::Null | Value::Bool(_) | Value::Number(_) => false,
    }
}

/// `7.0` → `7`, when it fits an `i64` or `u64`; fractions stay as they are.
fn whole_integer(n: &Number) -> Option<Number> {
    let f = n.as_f64().filter(|_| n.is_f64())?;
    if f.fract() != 0.0 || !f.is_finite() {
        return None;
    }
    // 2^63 and 2^64 are exact as f64; the casts below are exact inside these bounds.
    if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&f) {
        Some(Number::from(f as i64))
    } else if (0.0..18_446_744_073_709_551_616.0).contains(&f) {
        Some(Number::from(f as u64))
    } else {
        None
    }
}

impl From<JsonRejection> for ApiError {
    fn from(e: JsonRejection) -> Self {
        ApiError::invalid("body", e.body_text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_decimals_become_integers_and_fractions_stay() {
        let mut v: Value = serde_json::from_str(r#"{"a":7.0,"b":-0.0,"c":2.5,"d":1e3,"e":[3.0],"f":1e300}"#).unwrap();
        whole_numbers(&mut v);
        assert_eq!(v, serde_json::json!({"a":7,"b":0,"c":2.5,"d":1000,"e":[3],"f":1e300}));
    }

    #[test]
    fn nul_is_refused_in_values_and_keys() {
        for body in [r#"{"a":"x\u0000"}"#, r#"{"a\u0000":1}"#, r#"[["\u0000"]]"#] {
            let v: Value = serde_json::from_str(body).unwrap();
            assert!(holds_nul(&v), "{body}");
        }
        let v: Value = serde_json::from_str(r#"{"a":"\\u0000"}"#).unwrap();
        assert!(!holds_nul(&v));
    }
}
