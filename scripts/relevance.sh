#!/usr/bin/env bash
# How well heading search finds what was meant, against fzf, in one run.
#
#   scripts/relevance.sh                             # bundled reports and 2 000 generated
#   scripts/relevance.sh --reports 10000 --seed 2 --each
#
# Installs fzf from Debian's packages when it is missing (when run as root;
# otherwise the fzf columns are left empty and the benchmark says so), then
# runs the example `relevance` (examples/relevance/), which prints one
# Markdown table per library and query set. See README "Search relevance".
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v fzf >/dev/null; then
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
        apt-get update >&2
        apt-get install -y fzf >&2
    else
        echo "relevance: fzf is not installed (apt-get install fzf); its columns stay empty" >&2
    fi
fi

cargo build --release --example relevance >&2
exec "${CARGO_TARGET_DIR:-target}/release/examples/relevance" "$@"
