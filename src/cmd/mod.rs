//! One module per subcommand: argument definitions and the glue to the library crates.

pub mod bench;
pub mod eval;
pub mod ingest;
pub mod search;
pub mod serve;
pub mod stats;
pub mod synth;
pub mod tag;
pub mod timeline;
