//! `baogao figures` from the shell.
