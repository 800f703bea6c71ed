//! Events: organisers' lifecycle and the public reads ([`lifecycle`]),
//! a cardholder's registration and its refusals ([`registration`]), and
//! capacity under contention over two replicas ([`capacity`]), and the
//! calendar files ([`calendar`]), and the door ([`door`]).

mod calendar;
mod capacity;
mod door;
mod lifecycle;
mod registration;
