//! The demo accounts: an alliance admin, one admin per district, and
//! merchants of a Liwan partner, a Nanhai partner and the pending partner, so
//! a newcomer can try every role at once. All share one well-known password;
//! production mode never loads them.

use linan_shared::Role;
use sea_orm::ConnectionTrait;
use tokio::sync::OnceCell;

use crate::{
    accounts::{self, NewAccount},
    auth::password,
    error::ApiError,
    reference::Reference,
};

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "linan-demo-2026";

/// A demo account: email, role, and the district of an admin or the
/// demo partner key of a merchant.
#[derive(Debug, Clone, Copy)]
pub struct DemoAccount {
    /// Login email.
    pub email: &'static str,
    /// Role.
    pub role: Role,
    /// A district admin's district code.
    pub district: Option<&'static str>,
    /// What the account is for, in the start-up banner.
    pub note: &'static str,
}

/// The admins; merchants are listed by [`merchant_emails`].
pub const DEMO_ADMINS: [DemoAccount; 3] = [
    DemoAccount {
        email: "alliance@demo.linan",
        role: Role::AllianceAdmin,
        district: None,
        note: "alliance admin (all districts)",
    },
    DemoAccount {
        email: "liwan-admin@demo.linan",
        role: Role::DistrictAdmin,
        district: Some("liwan"),
        note: "Liwan district admin",
    },
    DemoAccount {
        email: "nanhai-admin@demo.linan",
        role: Role::DistrictAdmin,
        district: Some("nanhai"),
        note: "Nanhai district admin",
    },
];

/// The demo merchants: email and what they run.
pub const DEMO_MERCHANTS: [(&str, &str); 3] = [
    ("merchant1@demo.linan", "owner of the first approved Liwan partner"),
    ("merchant2@demo.linan", "owner of the first approved Nanhai partner"),
    ("merchant3@demo.linan", "owner of the partner waiting for review"),
];

/// One hash of the demo password per process: argon2 is slow on purpose,
/// and the demo (and every test that loads it) would pay for it six times.
/// Loading the demo is no request, so it has a permit of its own.
async fn demo_hash() -> Result<String, ApiError> {
    static HASH: OnceCell<String> = OnceCell::const_new();
    HASH.get_or_try_init(|| async { password::Passwords::new(1).hash(DEMO_PASSWORD.to_owned()).await }).await.cloned()
}

/// Creates the demo accounts; `merchant_partners` are the partner ids of
/// [`DEMO_MERCHANTS`], in order (a missing one is skipped).
pub(super) async fn load(
    db: &impl ConnectionTrait,
    reference: &Reference,
    merchant_partners: [Option<i64>; 3],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), ApiError> {
    let hash = demo_hash().await?;
    for admin in DEMO_ADMINS {
        let district_id = admin.district.and_then(|code| reference.district_by_code(code)).map(|d| d.id);
        let new = NewAccount {
            email: admin.email,
            password_hash: hash.clone(),
            role: admin.role,
            district_id,
            partner_id: None,
            is_owner: false,
        };
        accounts::insert(db, new, now).await?;
    }
    for ((email, _), partner_id) in DEMO_MERCHANTS.into_iter().zip(merchant_partners) {
        let Some(partner_id) = partner_id else { continue };
        let new = NewAccount {
            email,
            password_hash: hash.clone(),
            role: Role::Merchant,
            district_id: None,
            partner_id: Some(partner_id),
            is_owner: true,
        };
        accounts::insert(db, new, now).await?;
    }
    Ok(())
}

/// The start-up banner listing the demo accounts.
pub fn banner() -> String {
    let mut out = format!("Demo accounts (password `{DEMO_PASSWORD}`), sign in at /portal:\n");
    for a in DEMO_ADMINS {
        out.push_str(&format!("  {:<26} {}\n", a.email, a.note));
    }
    for (email, note) in DEMO_MERCHANTS {
        out.push_str(&format!("  {email:<26} {note}\n"));
    }
    out
}
