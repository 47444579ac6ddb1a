//! Turn the vendored divisions table into the tables the gazetteer reads
//! in place, in `OUT_DIR`, so a process pays nothing to parse or index it:
//!
//! - `names.txt`: every unit's name run together, in code order (embedded
//!   with `include_str!`, so its UTF-8 is checked here and not at run time);
//! - `codes.bin`: per unit, three bytes: two (little-endian) with the level
//!   in the top two bits and below them the digits the unit adds to its
//!   parent's code (a province's 2, a city's or county's last 2, a
//!   township's last 3); then the length of its name in bytes, so the
//!   names need no separator to search for;
//! - `by_name.bin`: the units' indexes (two bytes each) sorted by name and
//!   then by code, for look-up by name with a binary search.
//!
//! The repository keeps the plain text, which diffs and reviews as text.

use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let source = manifest.join("../../data/places/divisions-2023.txt");
    println!("cargo::rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(&source)?;
    let mut names: Vec<&str> = Vec::new();
    let mut codes: Vec<u8> = Vec::new();
    let (mut province, mut city) = (0u32, 0u32);
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((code, name)) = line.split_once(' ') else {
            continue;
        };
        let n: u32 = code.parse()?;
        let (level, own) = match code.len() {
            2 => {
                province = n;
                (0u16, n)
            }
            4 => {
                if n / 100 != province {
                    return Err(format!("city {code} is not under province {province}").into());
                }
                city = n;
                (1, n % 100)
            }
            6 => {
                if n / 100 != city {
                    return Err(format!("county {code} is not under city {city}").into());
                }
                (2, n % 100)
            }
            3 => (3, n),
            _ => return Err(format!("a code of {} digits: {line}", code.len()).into()),
        };
        if own >= 1 << 14 {
            return Err(format!("cannot pack: {line}").into());
        }
        codes.extend_from_slice(&((level << 14) | u16::try_from(own)?).to_le_bytes());
        codes.push(u8::try_from(name.len()).map_err(|_| format!("a name over 255 bytes: {line}"))?);
        names.push(name);
    }
    let count = u16::try_from(names.len()).map_err(|_| "more units than two bytes index")?;
    let mut by_name: Vec<u16> = (0..count).collect();
    by_name.sort_by_key(|&i| (names[usize::from(i)], i));
    let out = PathBuf::from(std::env::var("OUT_DIR")?);
    std::fs::write(out.join("names.txt"), names.concat())?;
    std::fs::write(out.join("codes.bin"), codes)?;
    let index: Vec<u8> = by_name.iter().flat_map(|i| i.to_le_bytes()).collect();
    std::fs::write(out.join("by_name.bin"), index)?;
    Ok(())
}
