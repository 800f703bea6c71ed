//! Password hashing with argon2id (the crate's defaults: 19 MiB, 2 passes),
//! run on the blocking pool so a login never stalls the async workers, and
//! only under a permit of [`Passwords`].
//!
//! Each hash holds 19 MiB and a core for some 15 ms (release build). Without
//! a bound, a few hundred parallel sign-ins or password changes queue on
//! the blocking pool (up to 512 threads), take gigabytes, and make every
//! login wait behind them until they time out. With it, a request that finds
//! no permit free is answered at once with 503 and `Retry-After: 1`: the
//! client retries in a second instead of joining a queue without end.

use std::sync::{Arc, OnceLock};

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier, password_hash::SaltString};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::ApiError;

/// The permits for argon2 work of one process.
#[derive(Debug, Clone)]
pub struct Passwords {
    permits: Arc<Semaphore>,
}

impl Passwords {
    /// At most `permits` hashes at once (at least one).
    pub fn new(permits: usize) -> Self {
        Passwords { permits: Arc::new(Semaphore::new(permits.max(1))) }
    }

    /// Sized to the machine: twice the cores. A hash is short, so twice
    /// lets a handful of simultaneous sign-ins through on a small server
    /// while memory stays bounded (19 MiB each).
    pub fn for_machine() -> Self {
        Self::new(std::thread::available_parallelism().map_or(1, |n| n.get()) * 2)
    }

    /// A permit now, or 503: the caller must not wait for one.
    pub fn try_permit(&self) -> Result<OwnedSemaphorePermit, ApiError> {
        Arc::clone(&self.permits).try_acquire_owned().map_err(|_| ApiError::Busy)
    }

    /// Hashes `password` into a PHC string.
    pub async fn hash(&self, password: String) -> Result<String, ApiError> {
        let permit = self.try_permit()?;
        tokio::task::spawn_blocking(move || {
            // Held until the work is done, even if the request is gone.
            let _permit = permit;
            let salt = new_salt()?;
            Argon2::default()
                .hash_password(password.as_bytes(), &salt)
                .map(|h| h.to_string())
                .map_err(|e| ApiError::Internal(format!("hashing a password: {e}")))
        })
        .await
        .map_err(|e| ApiError::Internal(format!("hashing task: {e}")))?
    }

    /// Whether `password` matches `stored`; `None` (unknown account) verifies
    /// against a dummy hash and answers `false`, taking as long as a real check.
    pub async fn verify(&self, password: String, stored: Option<String>) -> Result<bool, ApiError> {
        let permit = self.try_permit()?;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let known = stored.is_some();
            let phc = stored.unwrap_or_else(|| dummy_hash().to_owned());
            let parsed = PasswordHash::new(&phc).map_err(|e| ApiError::Internal(format!("stored hash: {e}")))?;
            Ok(Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok() && known)
        })
        .await
        .map_err(|e| ApiError::Internal(format!("verifying task: {e}")))?
    }
}

/// A hash (same parameters as real ones) of a random password nobody has:
/// verified against when the email is unknown, so both answers take the
/// same time. Made once per process.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let Ok(salt) = new_salt() else { return String::new() };
        let secret = salt.as_str().to_owned();
        Argon2::default().hash_password(secret.as_bytes(), &salt).map(|h| h.to_string()).unwrap_or_default()
    })
}

/// 16 random bytes as a salt.
fn new_salt() -> Result<SaltString, ApiError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| ApiError::Internal(format!("random salt: {e}")))?;
    SaltString::encode_b64(&bytes).map_err(|e| ApiError::Internal(format!("salt: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let passwords = Passwords::new(1);
        let stored = passwords.hash("correct horse".into()).await.unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(passwords.verify("correct horse".into(), Some(stored.clone())).await.unwrap());
        assert!(!passwords.verify("wrong horse".into(), Some(stored)).await.unwrap());
        assert!(!passwords.verify("anything".into(), None).await.unwrap());
    }

    #[tokio::test]
    async fn without_a_free_permit_the_answer_is_busy_at_once() {
        let passwords = Passwords::new(1);
        let held = passwords.try_permit().unwrap();
        assert!(matches!(passwords.hash("correct horse".into()).await, Err(ApiError::Busy)));
        assert!(matches!(passwords.verify("x".into(), None).await, Err(ApiError::Busy)));
        drop(held);
        assert!(passwords.verify("x".into(), None).await.is_ok());
    }
}
