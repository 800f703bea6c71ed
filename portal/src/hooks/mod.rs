//! The portal's custom hooks: the current page, data loading (one thing, or
//! a list page by page), one-shot actions, form drafts, a form's submit,
//! and focus after a failed submit.

mod use_action;
mod use_draft;
mod use_focus_error;
mod use_load;
mod use_pages;
mod use_route;
mod use_submit;

pub use use_action::{ActionHandle, use_action};
pub use use_draft::{Draft, DraftHandle, use_draft};
pub use use_focus_error::use_focus_error;
pub use use_load::{Load, LoadHandle, use_load};
pub use use_pages::{Page, PageStep, Pages, PagesHandle, use_pages};
pub use use_route::use_route;
pub use use_submit::{SubmitHandle, use_submit};
