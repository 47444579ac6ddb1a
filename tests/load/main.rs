//! Report files on disk, read back: the loader, `validate`, the `Library`
//! and the bundled reports (`loader`); report text made safe for a terminal
//! on its own, through the loader and through the command line
//! (`sanitise`); the corpus generator, whose reports must load and validate
//! clean (`corpus`).

mod corpus;
mod loader;
mod sanitise;
