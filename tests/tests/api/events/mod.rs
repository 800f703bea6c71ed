//! Events: organisers' lifecycle and the public reads ([`lifecycle`]),
//! a cardholder's registration and its refusals ([`registration`]), and
//! capacity under contention over two replicas ([`capacity`]).

mod capacity;
mod lifecycle;
mod registration;
