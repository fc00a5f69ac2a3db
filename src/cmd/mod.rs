//! One module per subcommand: argument definitions and the glue to the library crates.

pub mod bench;
pub mod eval;
pub mod serve;
pub mod tag;
pub mod timeline;
