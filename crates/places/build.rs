//! Deflate the vendored divisions table into `OUT_DIR`, to embed it
//! compressed: 741 736 bytes of text become about 266 000 in the binary.
//! The repository keeps the plain text, which diffs and reviews as text.

use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let source = manifest.join("../../data/places/divisions-2023.txt");
    println!("cargo::rerun-if-changed={}", source.display());
    let text = std::fs::read(&source)?;
    let packed = miniz_oxide::deflate::compress_to_vec(&text, 10);
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("divisions-2023.deflate");
    std::fs::write(out, packed)?;
    Ok(())
}
