package normalize

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// sharedVectors is where the peers' test vectors live when ../shared is
// present (it is not part of the repository; tests skip without it).
const sharedVectors = "../../shared/vectors"

// readTSV reads a TSV file with a header into rows keyed by column name.
func readTSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("%s absent", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var header []string
	var rows []map[string]string
	for line := 1; sc.Scan(); line++ {
		cells := strings.Split(sc.Text(), "\t")
		if header == nil {
			header = cells
			continue
		}
		row := map[string]string{"line": strconv.Itoa(line)}
		for i, h := range header {
			if i < len(cells) {
				row[h] = cells[i]
			}
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// deliberate lists the peers' rows where we differ on purpose, with why.
// The key is file:case, or file:line for PyArabic, whose rows have no case
// name (the vectors' text stays out of the repository).
var deliberate = map[string]string{
	"pyarabic_unittest.tsv:2":  "strip_harakat: strip_harakat keeps shadda; we remove every mark, since posts type shadda at random",
	"pyarabic_unittest.tsv:3":  "strip_lastharaka: strip_lastharaka removes only the final mark; we remove every mark",
	"pyarabic_unittest.tsv:7":  "normalize_hamza: the default method writes every hamza as ء; we fold hamza to its carrier letter (أ→ا ئ→ي), which is how posts that omit hamza spell the word",
	"pyarabic_unittest.tsv:9":  "strip_harakat: strip_harakat keeps shadda; we remove every mark, since posts type shadda at random",
	"pyarabic_unittest.tsv:10": "normalize_hamza: the uniform method writes every hamza as ء; we fold hamza to its carrier letter, as posts that omit hamza do",
	"pyarabic_unittest.tsv:12": "normalize_alef: normalize_alef keeps tashkeel and turns ى with dagger alef into ا; we drop marks and fold ى to ي, as posts interchange ى and ي",
	"pyarabic_unittest.tsv:13": "reduce_tashkeel: reduce_tashkeel keeps the marks needed to read; we keep none",
	"pyarabic_unittest.tsv:14": "autocorrect: autocorrect repairs misplaced or doubled marks but keeps them; we remove every mark",
	"pyarabic_unittest.tsv:15": "autocorrect: autocorrect repairs misplaced or doubled marks but keeps them; we remove every mark",
}

// pyarabicScope configures our normalizer to the narrower job of each
// PyArabic function, so its row tests that job and not our other folds.
var pyarabicScope = map[string]*Normalizer{
	"strip_tashkeel":  New(KeepTehMarbuta()),
	"strip_tatweel":   New(KeepTehMarbuta()),
	"strip_shadda":    New(KeepTehMarbuta()),
	"normalize_hamza": New(KeepTehMarbuta()),
}

// TestPeerNormalizerVectors runs the Lucene, bleve and PyArabic normalizer
// vectors: every row either agrees or is listed in deliberate.
func TestPeerNormalizerVectors(t *testing.T) {
	files := []string{"lucene_ar_normalization.tsv", "bleve_ar_normalize.tsv", "lucene_fa_normalization.tsv",
		"bleve_fa_normalize.tsv", "pyarabic_unittest.tsv"}
	agree, differ := 0, 0
	for _, name := range files {
		for _, row := range readTSV(t, filepath.Join(sharedVectors, name)) {
			key := name + ":" + row["case"]
			if row["function"] != "" {
				key = name + ":" + row["line"]
			}
			n := Default()
			if scoped, ok := pyarabicScope[row["function"]]; ok {
				n = scoped
			}
			got := n.String(row["input"])
			if got == row["expected"] {
				agree++
				if why, ok := deliberate[key]; ok {
					t.Errorf("%s agrees now but is listed as a deliberate difference (%s)", key, why)
				}
				continue
			}
			differ++
			if _, ok := deliberate[key]; !ok {
				t.Errorf("%s: String(%+q) = %+q, peer expects %+q", key, row["input"], got, row["expected"])
			}
		}
	}
	t.Logf("peer normalizer vectors: %d agree, %d deliberate differences", agree, differ)
}
