//! Key figures: extraction scored against annotated raw reports, the
//! spec's "not figures", and `baogao figures` from the shell.
//!
//! - `score`: precision and recall on `tests/data/figures/dev.json` (the
//!   spec's two seeds) and `own.json` (a third report annotated apart).
//! - `shapes`: single sentences, what is and is not a figure.
//! - `changes`: what differs between two reports' figures.
//! - `command`: the CLI's table, JSON and CSV.
//! - `panel`: the reader's figures panel and its charts.

mod changes;
mod command;
mod panel;
mod score;
mod shapes;
