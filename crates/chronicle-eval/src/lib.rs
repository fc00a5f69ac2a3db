//! Timeline evaluation exactly as tilse 0.2.1 with ROUGE-1.5.5 computes it.
//!
//! Placeholder, being written (issue "Evaluation").
