#!/usr/bin/env bash
# Compare ghurbal's trainer with scikit-learn MultinomialNB (word 1-2-grams)
# and fastText on labelled train/test pairs, on one core, and print one table:
# accuracy, macro-F1, training time, prediction throughput, start-up time and
# peak memory. See bench/README.md.
#
#   bench/compare.sh                       # AJGT and ASTD from ../shared/datasets
#   bench/compare.sh TRAIN.jsonl TEST.jsonl
#
# Environment: PYTHON (default /usr/bin/python3, Debian's, which has
# python3-sklearn), MIN_POSTS (throughput runs repeat the test set to at least
# this many posts, default 200000), REPEATS (timed runs per figure, median,
# default 5), KEEP=1 keeps the scratch directory.
set -euo pipefail

die() { echo "compare.sh: $*" >&2; exit 1; }

usage() {
	sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

case "${1:-}" in -h | --help) usage; exit 0 ;; esac
[[ $# -eq 0 || $# -eq 2 ]] || { usage >&2; exit 2; }

# Paths given as arguments are relative to where we were called from.
pairs=()
if [[ $# -eq 2 ]]; then
	for f in "$1" "$2"; do [[ -r $f ]] || die "cannot read $f"; done
	train_arg=$(realpath -- "$1")
	test_arg=$(realpath -- "$2")
	name=$(basename -- "$test_arg" .jsonl)
	name=${name%.test}
fi

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd -- "$root"

PYTHON=${PYTHON:-/usr/bin/python3}
MIN_POSTS=${MIN_POSTS:-200000}
REPEATS=${REPEATS:-5}
[[ $MIN_POSTS =~ ^[1-9][0-9]*$ ]] || die "MIN_POSTS must be a positive integer, not '$MIN_POSTS'"
[[ $REPEATS =~ ^[1-9][0-9]*$ ]] || die "REPEATS must be a positive integer, not '$REPEATS'"

# ---------------------------------------------------------------- packages
command -v go >/dev/null || die "go is not on PATH (ghurbal needs Go 1.26 or later)"
command -v taskset >/dev/null || die "taskset (util-linux) is not on PATH"

missing=()
command -v fasttext >/dev/null || missing+=(fasttext)
[[ -x /usr/bin/time ]] || missing+=(time)
if [[ ! -x $PYTHON ]]; then
	[[ $PYTHON == /usr/bin/python3 ]] || die "PYTHON=$PYTHON is not executable"
	missing+=(python3)
fi
py_has() { [[ -x $PYTHON ]] && "$PYTHON" -c "import $1" >/dev/null 2>&1; }
py_has numpy || missing+=(python3-numpy)
py_has scipy || missing+=(python3-scipy)
py_has sklearn || missing+=(python3-sklearn)

if ((${#missing[@]})); then
	command -v apt-get >/dev/null || die "missing ${missing[*]} and no apt-get to install them"
	sudo=()
	if [[ $EUID -ne 0 ]]; then
		command -v sudo >/dev/null || die "missing ${missing[*]}: run as root or install them"
		sudo=(sudo)
	fi
	echo "compare.sh: installing ${missing[*]} from Debian" >&2
	"${sudo[@]}" apt-get update -qq >&2 || die "apt-get update failed"
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
		"${missing[@]}" >&2 || die "apt-get install ${missing[*]} failed"
	command -v fasttext >/dev/null || die "fasttext is still not on PATH after installing it"
	py_has sklearn || die "$PYTHON still cannot import sklearn after installing python3-sklearn"
fi

# ---------------------------------------------------------------- datasets
work=$(mktemp -d "${TMPDIR:-/tmp}/ghurbal-compare.XXXXXX")
cleanup() {
	if [[ ${KEEP:-} == 1 ]]; then echo "compare.sh: kept $work" >&2; else rm -rf -- "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -n ${train_arg:-} ]]; then
	pairs+=(--pair "$name" "$train_arg" "$test_arg")
else
	ds=../shared/datasets
	if [[ -r $ds/ajgt/ajgt.train.jsonl && -r $ds/ajgt/ajgt.test.jsonl ]]; then
		pairs+=(--pair AJGT "$ds/ajgt/ajgt.train.jsonl" "$ds/ajgt/ajgt.test.jsonl")
	fi
	if [[ -r $ds/astd/astd.train.jsonl && -r $ds/astd/astd.validation.jsonl && -r $ds/astd/astd.test.jsonl ]]; then
		cat "$ds/astd/astd.train.jsonl" "$ds/astd/astd.validation.jsonl" >"$work/astd.train+validation.jsonl"
		pairs+=(--pair ASTD "$work/astd.train+validation.jsonl" "$ds/astd/astd.test.jsonl")
	fi
	((${#pairs[@]})) || die "no datasets under $root/$ds (want ajgt/ and astd/); pass TRAIN.jsonl TEST.jsonl"
fi

# ---------------------------------------------------------------- build
mkdir -p "$work/bin"
go build -o "$work/bin/train" ./examples/train || die "go build ./examples/train failed"
go build -o "$work/bin/triage" ./examples/triage || die "go build ./examples/triage failed"

# ---------------------------------------------------------------- measure
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: nproc $(nproc), $(grep -m1 '^model name' /proc/cpuinfo | sed 's/^model name[[:space:]]*: *//'), all measured on core 0 (taskset -c 0)"
echo "versions: $(go version | sed 's/^go version //'); fasttext $(dpkg-query -W -f='${Version}' fasttext 2>/dev/null || echo '?') (Debian);" \
	"scikit-learn $("$PYTHON" -c 'import sklearn; print(sklearn.__version__)'), numpy $("$PYTHON" -c 'import numpy; print(numpy.__version__)')," \
	"scipy $("$PYTHON" -c 'import scipy; print(scipy.__version__)'), Python $("$PYTHON" -c 'import platform; print(platform.python_version())')"
echo "load average (1, 5, 15 min) before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
TMPDIR=$work "$PYTHON" bench/compare.py --work "$work" --bin "$work/bin" \
	--min-posts "$MIN_POSTS" --repeats "$REPEATS" "${pairs[@]}"
echo "load average (1, 5, 15 min) after: $(cut -d' ' -f1-3 /proc/loadavg)"
