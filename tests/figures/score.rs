//! The scorer of `examples/figures_score.rs`, as a test: the extraction
//! must keep the precision and recall the hidden set asks for on the
//! annotated files in the repository.

use baogao_figures::score::{Scorable, Tally, pair};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn scorables(value: &serde_json::Value) -> Vec<Scorable> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| {
            Some(Scorable {
                indicator: f.get("indicator")?.as_str()?.to_string(),
                value: f.get("value")?.as_f64()?,
                unit: f.get("unit")?.as_str()?.to_string(),
            })
        })
        .collect()
}

fn score(annotations: &str) -> Tally {
    let path = root().join("tests/data/figures").join(annotations);
    let text = std::fs::read_to_string(&path).expect("annotations are in the repository");
    let files: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&text).expect("annotations are JSON");
    let mut total = Tally::default();
    for (name, truth) in files.iter().filter(|(name, _)| !name.starts_with('_')) {
        let bytes =
            std::fs::read(root().join("data/raw").join(name)).expect("the raw file is in data/raw");
        let report = baogao_import::import_bytes(&bytes, name).expect("the raw file imports");
        let extracted: Vec<Scorable> = baogao_figures::of_report(&report)
            .into_iter()
            .map(|l| Scorable {
                indicator: l.figure.indicator,
                value: l.figure.value,
                unit: l.figure.unit,
            })
            .collect();
        let (tally, _, _) = pair(&extracted, &scorables(truth));
        total.add(tally);
    }
    total
}

#[test]
fn dev_set_precision_and_recall() {
    let t = score("dev.json");
    assert_eq!(t.truth, 83, "dev.json has 83 figures");
    assert!(
        t.precision() >= 0.9,
        "precision {:.3} on dev.json",
        t.precision()
    );
    assert!(t.recall() >= 0.85, "recall {:.3} on dev.json", t.recall());
}

#[test]
fn own_set_precision_and_recall() {
    let t = score("own.json");
    assert!(
        t.precision() >= 0.9,
        "precision {:.3} on own.json",
        t.precision()
    );
    assert!(t.recall() >= 0.85, "recall {:.3} on own.json", t.recall());
}
