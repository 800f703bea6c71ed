//! Accounts, roles and sessions: the DTOs of `/api/v1/auth/*` and of a
//! merchant's staff.

use crate::{DistrictCode, FieldError, PartnerInput};

/// Shortest password accepted, in characters.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longest password accepted, in characters (argon2 takes any length; this
/// bounds the work one request can cause).
pub const MAX_PASSWORD_CHARS: usize = 128;
/// Longest email address accepted (RFC 5321's path limit).
pub const MAX_EMAIL_CHARS: usize = 254;

/// What an account may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "orm", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "orm", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::None)"))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Staff of exactly one partner.
    #[cfg_attr(feature = "orm", sea_orm(string_value = "merchant"))]
    Merchant,
    /// Reviews partners and offers of one district.
    #[cfg_attr(feature = "orm", sea_orm(string_value = "district_admin"))]
    DistrictAdmin,
    /// Acts in every district.
    #[cfg_attr(feature = "orm", sea_orm(string_value = "alliance_admin"))]
    AllianceAdmin,
}

impl Role {
    /// The stored and serialized code.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Merchant => "merchant",
            Role::DistrictAdmin => "district_admin",
            Role::AllianceAdmin => "alliance_admin",
        }
    }

    /// Parses a stored code.
    pub fn parse(code: &str) -> Option<Role> {
        [Role::Merchant, Role::DistrictAdmin, Role::AllianceAdmin].into_iter().find(|r| r.as_str() == code)
    }

    /// Whether this role reviews partners and offers.
    pub fn is_admin(self) -> bool {
        matches!(self, Role::DistrictAdmin | Role::AllianceAdmin)
    }
}

/// An account as its owner (and admins) see it. Never carries a secret.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountDto {
    /// Account id.
    pub id: i64,
    /// Login email, lower-cased.
    pub email: String,
    /// Role.
    pub role: Role,
    /// The district of a district admin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<DistrictCode>,
    /// The partner a merchant works for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_id: Option<i64>,
    /// Whether this merchant owns the partner (and may invite staff).
    #[serde(default)]
    pub owner: bool,
}

/// `POST /api/v1/auth/signup`: a new merchant account, either registering a
/// new partner (`partner`, becoming its owner) or joining one with an
/// invitation code from its owner (`invite`). Exactly one of the two.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignupRequest {
    /// Login email.
    #[cfg_attr(feature = "openapi", schema(max_length = 254))]
    pub email: String,
    /// Password, at least [`MIN_PASSWORD_CHARS`] characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 128))]
    pub password: String,
    /// The partner to register (it starts `pending`).
    #[serde(default)]
    pub partner: Option<PartnerInput>,
    /// An invitation code to join an existing partner as staff.
    #[serde(default)]
    pub invite: Option<String>,
    /// Answer with a bearer token instead of setting a cookie.
    #[serde(default)]
    pub bearer: bool,
}

impl SignupRequest {
    /// Checks email, password and the partner-or-invite choice.
    pub fn validate(&self) -> Result<(), FieldError> {
        check_email(&self.email)?;
        check_password("password", &self.password)?;
        match (&self.partner, &self.invite) {
            (Some(p), None) => p.validate().map_err(|e| FieldError { field: format!("partner.{}", e.field), ..e }),
            (None, Some(_)) => Ok(()),
            _ => Err(FieldError { field: "partner".into(), message: "give either a partner or an invite code".into() }),
        }
    }
}

/// `POST /api/v1/auth/login`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    /// Login email (any case).
    #[cfg_attr(feature = "openapi", schema(max_length = 254))]
    pub email: String,
    /// Password.
    #[cfg_attr(feature = "openapi", schema(max_length = 128))]
    pub password: String,
    /// Answer with a bearer token instead of setting a cookie (API clients).
    #[serde(default)]
    pub bearer: bool,
}

impl LoginRequest {
    /// Refuses fields longer than any account's: they cannot sign in, and
    /// must not reach the throttle or the password hash.
    pub fn validate(&self) -> Result<(), FieldError> {
        if self.email.chars().count() > MAX_EMAIL_CHARS {
            return Err(FieldError { field: "email".into(), message: "is too long".into() });
        }
        if self.password.chars().count() > MAX_PASSWORD_CHARS {
            return Err(FieldError {
                field: "password".into(),
                message: format!("at most {MAX_PASSWORD_CHARS} characters"),
            });
        }
        Ok(())
    }
}

/// A signed-in session: the account, the CSRF token a browser sends back in
/// `x-csrf-token` on state-changing requests, and — only when asked for with
/// `bearer` — the session token for an `Authorization: Bearer` header.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionDto {
    /// Who is signed in.
    pub account: AccountDto,
    /// Echo this in `x-csrf-token` on POST/PUT/DELETE when using the cookie.
    pub csrf_token: String,
    /// When the session ends (RFC 3339).
    pub expires_at: String,
    /// The bearer token, when asked for; browsers get an HttpOnly cookie instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
}

/// `POST /api/v1/auth/password`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordChange {
    /// The password in use now.
    pub current: String,
    /// The new password.
    pub new: String,
}

impl PasswordChange {
    /// Checks the new password.
    pub fn validate(&self) -> Result<(), FieldError> {
        check_password("new", &self.new)
    }
}

/// `POST /api/v1/merchant/staff/invites`: the owner invites a colleague.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InviteRequest {
    /// The colleague's email; only this address can use the code.
    pub email: String,
}

/// An invitation: hand the code to the colleague, who signs up with it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InviteDto {
    /// Invitation id (to revoke it).
    pub id: i64,
    /// The invited email.
    pub email: String,
    /// The one-time code (shown once; only its hash is stored).
    pub code: String,
    /// When it stops working (RFC 3339).
    pub expires_at: String,
}

/// An invitation not used, revoked or expired yet (its code is never shown again).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PendingInvite {
    /// Invitation id (to revoke it).
    pub id: i64,
    /// The invited email.
    pub email: String,
    /// When it stops working (RFC 3339).
    pub expires_at: String,
}

/// `GET /api/v1/merchant/staff/invites`: the partner's pending invitations, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InviteList {
    /// The invitations.
    pub items: Vec<PendingInvite>,
}

/// A list of accounts (a partner's staff).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountList {
    /// The accounts.
    pub items: Vec<AccountDto>,
}

/// Checks the shape of an email address: one `@`, something on each side,
/// a dot in the domain, no spaces or control characters.
pub fn check_email(email: &str) -> Result<(), FieldError> {
    let bad = |message: &str| Err(FieldError { field: "email".into(), message: message.into() });
    let email = email.trim();
    if email.chars().count() > MAX_EMAIL_CHARS {
        return bad("is too long");
    }
    let Some((local, domain)) = email.split_once('@') else { return bad("is not an email address") };
    if local.is_empty()
        || domain.contains('@')
        || !domain.contains('.')
        || domain.starts_with('.')
        || domain.ends_with('.')
        || email.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return bad("is not an email address");
    }
    Ok(())
}

/// Checks a password's length, naming `field` when it is refused.
pub fn check_password(field: &str, password: &str) -> Result<(), FieldError> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        return Err(FieldError { field: field.into(), message: format!("at least {MIN_PASSWORD_CHARS} characters") });
    }
    if n > MAX_PASSWORD_CHARS {
        return Err(FieldError { field: field.into(), message: format!("at most {MAX_PASSWORD_CHARS} characters") });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_checked_for_shape() {
        for ok in ["a@b.cn", "merchant.one@example.com", " Trim@Example.COM "] {
            assert!(check_email(ok).is_ok(), "{ok}");
        }
        for bad in ["", "a", "a@", "@b.cn", "a@b", "a@@b.cn", "a b@c.cn", "a@.cn", "a@cn."] {
            assert!(check_email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn roles_round_trip_their_codes() {
        for role in [Role::Merchant, Role::DistrictAdmin, Role::AllianceAdmin] {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
