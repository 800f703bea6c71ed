//! Accounts' authentication and authorization: password hashing, session
//! tokens, the [`Actor`] extractor, the sign-in throttle and the policy
//! rules every non-public route applies.

mod actor;
pub mod password;
pub mod policy;
pub mod secret;
pub mod session;
mod throttle;

pub use actor::{Actor, account_dto, bearer, request_id};
pub use throttle::{LOGIN_PER_ACCOUNT, LOGIN_PER_ADDRESS, Limit, SIGNUP_PER_ADDRESS, Throttle};
