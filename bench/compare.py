#!/usr/bin/env python3
"""Measure ghurbal, scikit-learn MultinomialNB and fastText on labelled
train/test pairs and print one table. Run by bench/compare.sh, which installs
what is needed, builds ghurbal's programs and picks the datasets; see
bench/README.md.

    compare.py --work DIR --bin DIR --pair NAME TRAIN.jsonl TEST.jsonl [--pair ...]

The sk-train, sk-predict and sk-one subcommands are the scikit-learn side,
run as their own processes so that their memory and start-up are measured
like the other systems'.
"""

import argparse
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # leave no __pycache__ in bench/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score  # noqa: E402  (bench/score.py: the one scorer for all systems)

CORE = "0"  # every measured command runs on this one core
ONE_CORE_ENV = {
    "GOMAXPROCS": "1",
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "PYTHONHASHSEED": "0",
}
GNU_TIME = "/usr/bin/time"


def die(msg):
    sys.stderr.write(f"compare.py: {msg}\n")
    sys.exit(1)


def log(msg):
    sys.stderr.write(f"compare: {msg}\n")
    sys.stderr.flush()


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                v = json.loads(line)
                rows.append((str(v["text"]), str(v["label"])))
            except (ValueError, KeyError, TypeError) as e:
                die(f"{path}:{n}: want a JSON object with \"text\" and \"label\" ({e})")
    if not rows:
        die(f"{path}: no posts")
    return rows


def one_line(text):
    """The post on one line, whitespace runs as one space (for fastText)."""
    return re.sub(r"\s+", " ", text).strip()


# ---------------------------------------------------------------- running


class Run:
    def __init__(self, wall, cpu, rss_kib):
        self.wall, self.cpu, self.rss_kib = wall, cpu, rss_kib


def run(cmd, stdin_path=None, stdout_path=os.devnull, log_path=os.devnull):
    """Run cmd pinned to one core; return its wall time, CPU time (user +
    system, its children included) and peak RSS.

    Peak RSS comes from GNU time -v ("Maximum resident set size") when it is
    installed, else from the child's rusage (os.wait4).
    """
    env = dict(os.environ, **ONE_CORE_ENV)
    use_time = os.access(GNU_TIME, os.X_OK)
    tfile = None
    full = ["taskset", "-c", CORE]
    if use_time:
        if log_path != os.devnull:
            tfile = log_path + ".time"
        else:
            fd, tfile = tempfile.mkstemp(prefix="compare-time-")
            os.close(fd)
        full += [GNU_TIME, "-v", "-o", tfile]
    full += cmd
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        with open(stdout_path, "wb") as out, open(log_path, "ab") as err:
            t0 = time.perf_counter()
            p = subprocess.Popen(full, stdin=stdin, stdout=out, stderr=err, env=env)
            _, status, ru = os.wait4(p.pid, 0)
            wall = time.perf_counter() - t0
            p.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if stdin_path:
            stdin.close()
    if p.returncode != 0:
        hint = f" (see {log_path})" if log_path != os.devnull else ""
        die(f"command failed with status {p.returncode}{hint}: {' '.join(cmd)}")
    rss = ru.ru_maxrss  # KiB on Linux
    if use_time:
        with open(tfile) as f:
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", f.read())
        if not m:
            die(f"no 'Maximum resident set size' in {tfile}")
        rss = int(m.group(1))
        if log_path == os.devnull:
            os.remove(tfile)
    return Run(wall, ru.ru_utime + ru.ru_stime, rss)


def timed(cmd, stdin_path, repeats, log_path=os.devnull):
    """Median wall and CPU times and largest peak RSS of repeats runs, after
    one warm-up run."""
    run(cmd, stdin_path, log_path=log_path)  # warm the page cache
    runs = [run(cmd, stdin_path, log_path=log_path) for _ in range(repeats)]
    return Run(statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs),
               max(r.rss_kib for r in runs))


# ---------------------------------------------------------------- systems


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")


def read_ghurbal(path, n):
    labels = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            v = json.loads(line)
            if v.get("id") != str(i):
                die(f"{path}: line {i + 1} answers id {v.get('id')!r}, want {str(i)!r}")
            labels.append(v.get("label") or "")
    if len(labels) != n:
        die(f"{path}: {len(labels)} answers for {n} posts")
    return labels


def read_fasttext(path, n, names):
    """First label of each predict-prob line, mapped back through names."""
    labels = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            first = line.split(" ", 1)[0].strip()
            labels.append(names.get(first, ""))
    if len(labels) != n:
        die(f"{path}: {len(labels)} answers for {n} posts")
    return labels


def ghurbal(d, bindir, train_path, test, sets, repeats):
    model = os.path.join(d, "model.nb")
    log_path = os.path.join(d, "ghurbal.log")
    tr = run([os.path.join(bindir, "train"), "-in", train_path, "-out", model],
             stdout_path=os.path.join(d, "train.out"), log_path=log_path)
    triage = [os.path.join(bindir, "triage"), "-model", model]
    jl = lambda rows: [json.dumps({"id": str(i), "text": t}, ensure_ascii=False)
                       for i, (t, _) in enumerate(rows)]
    paths = {}
    for name, rows in sets.items():
        paths[name] = os.path.join(d, f"ghurbal.{name}.jsonl")
        write_lines(paths[name], jl(rows))
    out = os.path.join(d, "ghurbal.pred.jsonl")
    run(triage, paths["test"], out, log_path)
    pred = read_ghurbal(out, len(test))
    one = timed(triage, paths["one"], repeats, log_path)
    big = timed(triage, paths["big"], repeats, log_path)
    return dict(pred=pred, train_s=tr.wall, train_rss=tr.rss_kib, startup_s=one.wall,
                big_s=big.wall - one.wall, big_cpu=big.cpu - one.cpu, marginal=True,
                predict_rss=big.rss_kib)


def fasttext(d, train_rows, test, sets, repeats):
    ft = shutil.which("fasttext") or die("fasttext is not on PATH")
    train_txt = os.path.join(d, "fasttext.train.txt")
    label = lambda l: "__label__" + re.sub(r"\s+", "_", l)  # fastText labels are one word
    names = {label(l): l for _, l in train_rows}
    write_lines(train_txt, [f"{label(l)} {one_line(t)}" for t, l in train_rows])
    paths = {}
    for name, rows in sets.items():
        paths[name] = os.path.join(d, f"fasttext.{name}.txt")
        write_lines(paths[name], [one_line(t) for t, _ in rows])
    log_path = os.path.join(d, "fasttext.log")
    prefix = os.path.join(d, "fasttext")
    tr = run([ft, "supervised", "-input", train_txt, "-output", prefix,
              "-epoch", "25", "-wordNgrams", "2", "-thread", "1"], log_path=log_path)
    model = prefix + ".bin"
    out = os.path.join(d, "fasttext.pred.txt")
    run([ft, "predict-prob", model, paths["test"]], None, out, log_path)
    pred = read_fasttext(out, len(test), names)
    one = timed([ft, "predict-prob", model, paths["one"]], None, repeats, log_path)
    big = timed([ft, "predict-prob", model, paths["big"]], None, repeats, log_path)
    return dict(pred=pred, train_s=tr.wall, train_rss=tr.rss_kib, startup_s=one.wall,
                big_s=big.wall - one.wall, big_cpu=big.cpu - one.cpu, marginal=True,
                predict_rss=big.rss_kib, model_mib=os.path.getsize(model) / 2**20)


def sklearn(d, train_path, test_path, test, sets, repeats):
    py = sys.executable
    me = os.path.abspath(__file__)
    log_path = os.path.join(d, "sklearn.log")
    model = os.path.join(d, "sklearn.pkl")
    paths = {}
    for name, rows in sets.items():
        paths[name] = os.path.join(d, f"sklearn.{name}.jsonl")
        write_lines(paths[name], [json.dumps({"text": t, "label": l}, ensure_ascii=False)
                                  for t, l in rows])
    tr_out = os.path.join(d, "sklearn.train.json")
    tr = run([py, me, "sk-train", train_path, model], stdout_path=tr_out, log_path=log_path)
    pr_out = os.path.join(d, "sklearn.predict.json")
    pred_path = os.path.join(d, "sklearn.pred.txt")
    pr = run([py, me, "sk-predict", model, paths["test"], paths["big"], pred_path, str(repeats)],
             stdout_path=pr_out, log_path=log_path)
    with open(pred_path, encoding="utf-8") as f:
        pred = [line.rstrip("\n") for line in f]
    with open(pr_out) as f:
        big = json.load(f)
    with open(tr_out) as f:
        fit_s = json.load(f)["fit_s"]
    one = timed([py, me, "sk-one", model, paths["one"]], None, repeats, log_path)
    return dict(pred=pred, train_s=tr.wall, fit_s=fit_s, train_rss=tr.rss_kib,
                startup_s=one.wall, big_s=big["big_s"], big_cpu=big["big_cpu"], marginal=False,
                predict_rss=pr.rss_kib)


# ------------------------------------------------- scikit-learn subprocesses


def sk_train(train_path, model_path):
    import pickle
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.naive_bayes import MultinomialNB
    rows = load(train_path)
    texts, labels = [t for t, _ in rows], [l for _, l in rows]
    t0 = time.perf_counter()
    vec = CountVectorizer(ngram_range=(1, 2))
    nb = MultinomialNB().fit(vec.fit_transform(texts), labels)
    fit_s = time.perf_counter() - t0
    with open(model_path, "wb") as f:
        pickle.dump((vec, nb), f)
    print(json.dumps({"fit_s": fit_s}))


def sk_predict(model_path, test_path, big_path, pred_path, repeats):
    import pickle
    with open(model_path, "rb") as f:
        vec, nb = pickle.load(f)
    test = [t for t, _ in load(test_path)]
    write_lines(pred_path, [str(p) for p in nb.predict(vec.transform(test))])
    big = [t for t, _ in load(big_path)]
    nb.predict(vec.transform(big))  # warm-up
    walls, cpus = [], []
    for _ in range(int(repeats)):
        t0, c0 = time.perf_counter(), time.process_time()
        nb.predict(vec.transform(big))
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    print(json.dumps({"big_s": statistics.median(walls), "big_cpu": statistics.median(cpus)}))


def sk_one(model_path, one_path):
    import pickle
    with open(model_path, "rb") as f:
        vec, nb = pickle.load(f)
    print(nb.predict(vec.transform([t for t, _ in load(one_path)]))[0])


# ---------------------------------------------------------------- main


def measure(name, train_path, test_path, work, bindir, min_posts, repeats):
    train_rows, test = load(train_path), load(test_path)
    copies = max(1, math.ceil(min_posts / len(test)))
    sets = {"test": test, "one": test[:1], "big": test * copies}
    nbytes = lambda rows: sum(len(t.encode("utf-8")) for t, _ in rows)
    gold = [l for _, l in test]
    results = {}
    for system in ("ghurbal", "scikit-learn MNB", "fastText"):
        d = os.path.join(work, name, system.split()[0])
        os.makedirs(d, exist_ok=True)
        log(f"{name}: {system}")
        if system == "ghurbal":
            r = ghurbal(d, bindir, train_path, test, sets, repeats)
        elif system == "fastText":
            r = fasttext(d, train_rows, test, sets, repeats)
        else:
            r = sklearn(d, train_path, test_path, test, sets, repeats)
        try:
            r["acc"], r["f1"], r["missing"] = score.score(gold, r["pred"])
        except ValueError as e:
            die(f"{name} {system}: {e}")
        if r["marginal"]:  # (big run) - (one-post run): posts and bytes beyond the first
            posts, nb = len(sets["big"]) - 1, nbytes(sets["big"]) - nbytes(sets["one"])
        else:
            posts, nb = len(sets["big"]), nbytes(sets["big"])
        if r["big_s"] <= 0:
            die(f"{name} {system}: the big run was not slower than the one-post run; "
                f"raise MIN_POSTS")
        r["posts_s"], r["mb_s"] = posts / r["big_s"], nb / r["big_s"] / 1e6
        r["posts_cpu_s"] = posts / r["big_cpu"] if r["big_cpu"] > 0 else float("nan")
        results[system] = r
    info = dict(train=len(train_rows), test=len(test), copies=copies,
                big=len(sets["big"]), test_kb=nbytes(test) / 1e3)
    return info, results


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "sk-train":
        return sk_train(*sys.argv[2:])
    if len(sys.argv) > 1 and sys.argv[1] == "sk-predict":
        return sk_predict(*sys.argv[2:])
    if len(sys.argv) > 1 and sys.argv[1] == "sk-one":
        return sk_one(*sys.argv[2:])
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", required=True, help="scratch directory")
    ap.add_argument("--bin", required=True, help="directory with ghurbal's train and triage")
    ap.add_argument("--pair", nargs=3, action="append", required=True,
                    metavar=("NAME", "TRAIN", "TEST"))
    ap.add_argument("--min-posts", type=int, default=200000,
                    help="repeat the test set to at least this many posts for throughput")
    ap.add_argument("--repeats", type=int, default=5, help="timed runs per measurement (median)")
    a = ap.parse_args()
    rows, notes = [], []
    for name, train_path, test_path in a.pair:
        info, res = measure(name, train_path, test_path, a.work, a.bin, a.min_posts, a.repeats)
        notes.append(f"{name}: {info['train']:,} training posts, {info['test']:,} test posts "
                     f"({info['test_kb']:,.1f} kB of text); throughput on {info['copies']} copies "
                     f"= {info['big']:,} posts; scikit-learn fit alone {res['scikit-learn MNB']['fit_s']:.2f} s; "
                     f"fastText model.bin {res['fastText']['model_mib']:,.0f} MiB")
        notes.append(f"{name}: posts/s by CPU time (user+sys) instead of wall time: " + ", ".join(
            f"{system} {r['posts_cpu_s']:,.0f}" for system, r in res.items()))
        for system, r in res.items():
            if r["missing"]:
                notes.append(f"{name}: {system} gave no label for {r['missing']} posts (counted wrong)")
            rows.append([name, system, f"{r['acc']:.3f}", f"{r['f1']:.3f}", f"{r['train_s']:.2f}",
                         f"{r['posts_s']:,.0f}", f"{r['mb_s']:.2f}", f"{r['startup_s']:.3f}",
                         f"{r['train_rss'] / 1024:,.0f}", f"{r['predict_rss'] / 1024:,.0f}"])
    head = ["dataset", "system", "accuracy", "macro-F1", "train s", "posts/s", "MB/s",
            "start-up s", "peak RSS train MiB", "peak RSS predict MiB"]
    right = [False, False] + [True] * 8
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
    fmt = lambda cells: "| " + " | ".join(
        c.rjust(w) if r else c.ljust(w) for c, w, r in zip(cells, widths, right)) + " |"
    print(fmt(head))
    print("|" + "|".join(("-" * (w + 1) + ":") if r else ("-" * (w + 2))
                         for w, r in zip(widths, right)) + "|")
    for row in rows:
        print(fmt(row))
    print()
    for n in notes:
        print(n)


if __name__ == "__main__":
    main()
