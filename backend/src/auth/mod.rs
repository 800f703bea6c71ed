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
pub use throttle::{
    CARD_FACTOR_PER_CARD, CARD_SIGN_IN_PER_ADDRESS, CODE_ISSUE_PER_SESSION, COUNTER_CARD_PER_ACCOUNT,
    COUNTER_CARD_PER_PARTNER, COUNTER_CODE_PER_ACCOUNT, COUNTER_CODE_PER_PARTNER, INVITES_PER_OWNER, LOGIN_PER_ACCOUNT,
    LOGIN_PER_ADDRESS, Limit, MAX_KEY_MATERIAL, PASSWORD_PER_ACCOUNT, SIGNUP_PER_ADDRESS, Throttle, ThrottleKey,
};
