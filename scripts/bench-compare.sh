#!/usr/bin/env bash
# baogao against the serde_json floor, fzf and ripgrep, in one run.
#
#   scripts/bench-compare.sh                     # 1 000 and 10 000 reports, 5 paired runs
#   scripts/bench-compare.sh --reports 10000 --runs 9
#
# Builds the release binary and the examples it needs, installs fzf and
# ripgrep from Debian's packages when they are missing (when run as root;
# otherwise it says what to install), generates
# each corpus under target/bench-compare/N and prints one Markdown table per
# size (progress goes to stderr). See README "Performance".
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v fzf >/dev/null || missing+=(fzf)
command -v rg >/dev/null || missing+=(ripgrep)
if ((${#missing[@]})); then
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
        apt-get update >&2
        apt-get install -y "${missing[@]}" >&2
    else
        echo "bench-compare needs: ${missing[*]} (apt-get install ${missing[*]})" >&2
        exit 1
    fi
fi

cargo build --release --bin baogao --example gen_corpus --example parse_floor --example bench_compare >&2
exec "${CARGO_TARGET_DIR:-target}/release/examples/bench_compare" "$@"
