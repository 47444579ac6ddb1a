//! The comparison table: one row per figure, printed as Markdown so it can
//! go into the README as it is.

use std::time::Duration;

pub struct Row {
    pub figure: String,
    pub baogao: String,
    pub reference: String,
    /// baogao ÷ reference, the median of the ratios of paired runs.
    pub ratio: Option<f64>,
    pub target: String,
    /// Whether the target is met; `None` for a figure without one.
    pub met: Option<bool>,
}

pub fn print(title: &str, rows: &[Row]) {
    println!("\n### {title}\n");
    println!("| figure | baogao | reference | ratio | target | |");
    println!("|---|---:|---:|---:|---|---|");
    for row in rows {
        let ratio = row.ratio.map(ratio).unwrap_or_default();
        let met = match row.met {
            Some(true) => "✓",
            Some(false) => "✗ missed",
            None => "",
        };
        println!(
            "| {} | {} | {} | {} | {} | {} |",
            row.figure, row.baogao, row.reference, ratio, row.target, met
        );
    }
}

/// A ratio to two significant digits (0.0052×, 0.31×, 1.1×, 12×).
fn ratio(value: f64) -> String {
    let decimals = if value >= 10.0 || value <= 0.0 {
        0
    } else {
        (1 - value.log10().floor() as i32).max(1) as usize
    };
    format!("{value:.decimals$}×")
}

/// The median; the mean of the middle two for an even count.
pub fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => f64::NAN,
        _ if n % 2 == 1 => sorted[n / 2],
        _ => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

pub fn median_duration(values: &[Duration]) -> Duration {
    let seconds: Vec<f64> = values.iter().map(Duration::as_secs_f64).collect();
    Duration::from_secs_f64(median(&seconds))
}

/// Ratios of paired runs, `ours[i] / reference[i]`.
pub fn ratios(ours: &[Duration], reference: &[Duration]) -> Vec<f64> {
    ours.iter()
        .zip(reference)
        .map(|(a, b)| a.as_secs_f64() / b.as_secs_f64())
        .collect()
}

pub fn time(duration: Duration) -> String {
    let ms = duration.as_secs_f64() * 1000.0;
    if ms < 1.0 {
        format!("{:.0} µs", ms * 1000.0)
    } else if ms < 100.0 {
        format!("{ms:.1} ms")
    } else if ms < 1000.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{:.2} s", ms / 1000.0)
    }
}

pub fn megabytes(bytes: u64) -> String {
    format!("{:.0} MB", bytes as f64 / 1e6)
}
