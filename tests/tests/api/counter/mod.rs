//! The cardholder and the counter: card sign-in, the preview with its
//! reasons, counter codes, redemptions with per-person quotas across both of
//! a person's cards, daily stock, idempotency, voids, the integrity list,
//! quota periods on a moved clock, 100 concurrent redemptions over two
//! replicas; the second factor and its budgets, and who may use the counter.

mod cardholder;
mod clock;
mod factors;
mod gate;
mod holds;
mod redemptions;
mod support;
