//! Events: organisers' lifecycle and the public reads ([`lifecycle`]),
//! organisers' edits and their review ([`edits`]),
//! a cardholder's registration and its refusals ([`registration`]), and
//! capacity under contention over two replicas ([`capacity`]), and the
//! calendar files ([`calendar`]), the door ([`door`]) and the demo's
//! events ([`demo`]).

mod calendar;
mod capacity;
mod demo;
mod door;
mod edits;
mod lifecycle;
mod registration;
