//! Accounts: merchant sign-up (registering a partner or joining one with an
//! invitation), sign-in, password change, staff invitations, and admin
//! creation for the `linan admin create` command and the demo data.

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use linan_shared::{
    AccountDto, AccountList, AuditAction, FieldError, InviteDto, InviteRequest, PartnerStatus, PasswordChange, Role,
    SignupRequest, check_email,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set, TransactionSession, TransactionTrait, sea_query::Expr,
};

use crate::{
    audit::{self, By, Change},
    auth::{Actor, account_dto, password::Passwords, policy, secret, session},
    catalogue::create_partner,
    config::Config,
    entity::{account, invite, partner, session as session_row},
    error::ApiError,
    reference::Reference,
};

/// How long an invitation code works.
const INVITE_DAYS: i64 = 7;

/// Emails are compared lower-cased and trimmed.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// An account as its DTO, with its district code.
pub fn dto(reference: &Reference, a: &account::Model) -> AccountDto {
    account_dto(a, a.district_id.and_then(|d| reference.district_code(d)))
}

fn account_json(reference: &Reference, a: &account::Model) -> Option<serde_json::Value> {
    serde_json::to_value(dto(reference, a)).ok()
}

/// A new account row: `email` (normalised here) with a password hash.
#[derive(Debug, Clone)]
pub struct NewAccount<'a> {
    /// Login email.
    pub email: &'a str,
    /// argon2id PHC string.
    pub password_hash: String,
    /// Role.
    pub role: Role,
    /// A district admin's district.
    pub district_id: Option<i64>,
    /// A merchant's partner.
    pub partner_id: Option<i64>,
    /// Whether the merchant owns the partner.
    pub is_owner: bool,
}

/// Inserts an account created at `now` (the caller checked the email is free and audits).
pub async fn insert(
    db: &impl ConnectionTrait,
    new: NewAccount<'_>,
    now: DateTime<Utc>,
) -> Result<account::Model, ApiError> {
    let created = account::ActiveModel {
        id: NotSet,
        email: Set(normalize_email(new.email)),
        password_hash: Set(new.password_hash),
        role: Set(new.role),
        district_id: Set(new.district_id),
        partner_id: Set(new.partner_id),
        is_owner: Set(new.is_owner),
        created_at: Set(now),
        updated_at: Set(now),
        removed_at: Set(None),
    }
    .insert(db)
    .await;
    // Two sign-ups with one address can both find it free: the unique index decides.
    crate::db::on_unique(created, taken_email)
}

fn taken_email() -> ApiError {
    ApiError::Conflict("an account with this email already exists".into())
}

/// A new account and the session it starts with.
#[derive(Debug)]
pub struct SignedIn {
    /// The account.
    pub account: account::Model,
    /// Its first session.
    pub session: session::Started,
}

async fn email_free(db: &impl ConnectionTrait, email: &str) -> Result<(), ApiError> {
    if account::Entity::find().filter(account::Column::Email.eq(email)).one(db).await?.is_some() {
        return Err(taken_email());
    }
    Ok(())
}

/// Signs a merchant up: registers its partner (pending review) and makes it
/// the owner, or joins the partner of a valid invitation as staff.
pub async fn signup<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    passwords: &Passwords,
    reference: &Reference,
    config: &Config,
    request: &SignupRequest,
    request_id: Option<&str>,
    now: DateTime<Utc>,
) -> Result<SignedIn, ApiError> {
    request.validate()?;
    let email = normalize_email(&request.email);
    let hash = passwords.hash(request.password.clone()).await?;
    let txn = crate::db::begin_write(db).await?;
    email_free(&txn, &email).await?;
    let (partner_id, is_owner, used_invite) = match (&request.partner, &request.invite) {
        (Some(p), _) => (create_partner(&txn, reference, p, PartnerStatus::Pending, now).await?, true, None),
        (None, Some(code)) => {
            let found = invite::Entity::find()
                .filter(invite::Column::CodeHash.eq(secret::digest(code.trim())))
                .filter(invite::Column::Email.eq(email.as_str()))
                .filter(invite::Column::UsedAt.is_null())
                .filter(invite::Column::RevokedAt.is_null())
                .filter(invite::Column::ExpiresAt.gt(now))
                .one(&txn)
                .await?
                .ok_or_else(|| {
                    ApiError::InvalidField(FieldError {
                        field: "invite".into(),
                        message: "no valid invitation for this email with this code".into(),
                    })
                })?;
            (found.partner_id, false, Some(found))
        }
        (None, None) => unreachable!("validate() requires a partner or an invite"),
    };
    let new = NewAccount {
        email: &email,
        password_hash: hash,
        role: Role::Merchant,
        district_id: None,
        partner_id: Some(partner_id),
        is_owner,
    };
    let created = insert(&txn, new, now).await?;
    let p = partner::Entity::find_by_id(partner_id).one(&txn).await?.ok_or(ApiError::NotFound("partner"))?;
    let by = Some(By { account: &created, request_id });
    if let Some(used) = used_invite {
        // Conditional: a code revoked or used by another sign-up since it was
        // read above does not let this one in.
        let taken = invite::Entity::update_many()
            .col_expr(invite::Column::UsedAt, Expr::value(now))
            .filter(invite::Column::Id.eq(used.id))
            .filter(invite::Column::UsedAt.is_null())
            .filter(invite::Column::RevokedAt.is_null())
            .exec(&txn)
            .await?;
        if taken.rows_affected != 1 {
            return Err(ApiError::InvalidField(FieldError {
                field: "invite".into(),
                message: "no valid invitation for this email with this code".into(),
            }));
        }
    } else {
        let profile = crate::review::partner_profile::dto(reference, &p)?;
        let change = Change {
            action: AuditAction::PartnerCreate,
            entity: "partner",
            entity_id: p.id,
            district_id: Some(p.district_id),
            before: None,
            after: serde_json::to_value(profile).ok(),
        };
        audit::record(&txn, now, by, change).await?;
    }
    let change = Change {
        action: AuditAction::AccountCreate,
        entity: "account",
        entity_id: created.id,
        district_id: Some(p.district_id),
        before: None,
        after: account_json(reference, &created),
    };
    audit::record(&txn, now, by, change).await?;
    let started = session::start(&txn, config, created.id, now).await?;
    txn.commit().await?;
    Ok(SignedIn { account: created, session: started })
}

/// Checks email and password; the same error for an unknown email and a
/// wrong password (and the same time, see [`Passwords::verify`]).
pub async fn login(
    db: &impl ConnectionTrait,
    passwords: &Passwords,
    config: &Config,
    email: &str,
    given: &str,
    now: DateTime<Utc>,
) -> Result<SignedIn, ApiError> {
    let email = normalize_email(email);
    // A removed account is as unknown as a wrong email (and costs the same time).
    let found = account::Entity::find()
        .filter(account::Column::Email.eq(email))
        .filter(account::Column::RemovedAt.is_null())
        .one(db)
        .await?;
    let ok = passwords.verify(given.to_owned(), found.as_ref().map(|a| a.password_hash.clone())).await?;
    let account = found.filter(|_| ok).ok_or(ApiError::InvalidCredentials)?;
    let session = session::start(db, config, account.id, now).await?;
    Ok(SignedIn { account, session })
}

/// Changes the actor's password and ends their other sessions.
pub async fn change_password<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    passwords: &Passwords,
    reference: &Reference,
    actor: &Actor,
    change: &PasswordChange,
) -> Result<(), ApiError> {
    change.validate()?;
    if !passwords.verify(change.current.clone(), Some(actor.account.password_hash.clone())).await? {
        return Err(ApiError::InvalidField(FieldError {
            field: "current".into(),
            message: "is not the current password".into(),
        }));
    }
    let hash = passwords.hash(change.new.clone()).await?;
    let txn = crate::db::begin_write(db).await?;
    let mut row = actor.account.clone().into_active_model();
    row.password_hash = Set(hash);
    row.updated_at = Set(actor.now);
    let updated = row.update(&txn).await?;
    session_row::Entity::delete_many()
        .filter(session_row::Column::AccountId.eq(actor.account.id))
        .filter(session_row::Column::TokenHash.ne(actor.session_hash.as_str()))
        .exec(&txn)
        .await?;
    let district = district_of(&txn, &updated).await?;
    // The hash is not in the DTO: the record says that, not what, changed.
    let change = Change {
        action: AuditAction::AccountPassword,
        entity: "account",
        entity_id: updated.id,
        district_id: district,
        before: None,
        after: account_json(reference, &updated),
    };
    audit::record(&txn, actor.now, Some(By::from(actor)), change).await?;
    txn.commit().await?;
    Ok(())
}

/// The district an account's changes belong to: an admin's own, a merchant's partner's.
async fn district_of(db: &impl ConnectionTrait, a: &account::Model) -> Result<Option<i64>, ApiError> {
    if let Some(partner_id) = a.partner_id {
        return Ok(partner::Entity::find_by_id(partner_id).one(db).await?.map(|p| p.district_id));
    }
    Ok(a.district_id)
}

/// The staff of the merchant's partner.
pub async fn staff(db: &impl ConnectionTrait, reference: &Reference, actor: &Actor) -> Result<AccountList, ApiError> {
    let partner_id = policy::merchant_partner(actor)?;
    let rows = account::Entity::find()
        .filter(account::Column::PartnerId.eq(partner_id))
        .filter(account::Column::RemovedAt.is_null())
        .order_by_asc(account::Column::Id)
        .all(db)
        .await?;
    Ok(AccountList { items: rows.iter().map(|a| dto(reference, a)).collect() })
}

/// The owner invites a colleague; the code is shown once.
pub async fn invite<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    request: &InviteRequest,
) -> Result<InviteDto, ApiError> {
    let partner_id = policy::merchant_owner(actor)?;
    check_email(&request.email)?;
    let email = normalize_email(&request.email);
    let code = secret::random_token().map_err(|e| ApiError::Internal(format!("random code: {e}")))?;
    let expires_at: DateTime<Utc> = actor.now + Duration::days(INVITE_DAYS);
    let txn = crate::db::begin_write(db).await?;
    email_free(&txn, &email).await?;
    let row = invite::ActiveModel {
        id: NotSet,
        partner_id: Set(partner_id),
        email: Set(email.clone()),
        code_hash: Set(secret::digest(&code)),
        created_by: Set(actor.account.id),
        expires_at: Set(expires_at),
        used_at: Set(None),
        revoked_at: Set(None),
    }
    .insert(&txn)
    .await?;
    let district = district_of(&txn, &actor.account).await?;
    let change = Change {
        action: AuditAction::AccountInvite,
        entity: "invite",
        entity_id: row.id,
        district_id: district,
        before: None,
        after: Some(serde_json::json!({ "email": email, "partner_id": partner_id })),
    };
    audit::record(&txn, actor.now, Some(By::from(actor)), change).await?;
    txn.commit().await?;
    Ok(InviteDto { id: row.id, email, code, expires_at: expires_at.to_rfc3339_opts(SecondsFormat::Secs, true) })
}

/// Why an admin could not be created.
#[derive(Debug, thiserror::Error)]
pub enum CreateAdminError {
    /// The input was refused.
    #[error("{0}")]
    Invalid(String),
    /// The database or hashing failed.
    #[error(transparent)]
    Api(#[from] ApiError),
}

/// Creates an admin account (`linan admin create`, the demo data). A
/// district admin needs a district; an alliance admin must not have one.
pub async fn create_admin<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    reference: &Reference,
    email: &str,
    role: Role,
    district: Option<&str>,
    password_text: &str,
    now: DateTime<Utc>,
) -> Result<account::Model, CreateAdminError> {
    check_email(email).map_err(|e| CreateAdminError::Invalid(e.to_string()))?;
    linan_shared::check_password("password", password_text)
        .map_err(|e| CreateAdminError::Invalid(format!("password: {}", e.message)))?;
    let district_id = match (role, district) {
        (Role::DistrictAdmin, Some(code)) => Some(
            reference
                .district_by_code(code)
                .ok_or_else(|| CreateAdminError::Invalid(format!("unknown district `{code}`")))?
                .id,
        ),
        (Role::DistrictAdmin, None) => {
            return Err(CreateAdminError::Invalid("a district admin needs --district".into()));
        }
        (Role::AllianceAdmin, None) => None,
        (Role::AllianceAdmin, Some(_)) => {
            return Err(CreateAdminError::Invalid("an alliance admin acts in every district; drop --district".into()));
        }
        (Role::Merchant, _) => return Err(CreateAdminError::Invalid("merchants sign up themselves".into())),
    };
    let email = normalize_email(email);
    // The command line, not a request: a permit of its own.
    let hash = Passwords::new(1).hash(password_text.to_owned()).await?;
    let txn = crate::db::begin_write(db).await.map_err(ApiError::from)?;
    email_free(&txn, &email).await?;
    let new = NewAccount { email: &email, password_hash: hash, role, district_id, partner_id: None, is_owner: false };
    let created = insert(&txn, new, now).await?;
    let change = Change {
        action: AuditAction::AccountCreate,
        entity: "account",
        entity_id: created.id,
        district_id,
        before: None,
        after: account_json(reference, &created),
    };
    audit::record(&txn, now, None, change).await?;
    txn.commit().await.map_err(ApiError::from)?;
    Ok(created)
}
