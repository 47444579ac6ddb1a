//! Prints the figures of each argument, one a line: indicator · value ·
//! unit · kind · qualifier · text. For trying a sentence by hand:
//! `cargo run -p baogao-figures --example extract -- 完成投资3亿元`.

fn main() {
    for text in std::env::args().skip(1) {
        for f in baogao_figures::extract(&text) {
            let qualifier = f.qualifier.as_deref().unwrap_or("-");
            println!(
                "{} · {} · {} · {} · {qualifier} · {}",
                f.indicator,
                f.value,
                f.unit,
                f.kind.as_str(),
                f.text
            );
        }
    }
}
