package lexicon

import (
	"bytes"
	"cmp"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/ghurbal/ghurbal/normalize"
)

// Format returns a data file tidied: the header, then one entry a line
// sorted by normalized term (then by term as written), cells trimmed,
// weights written with at least one decimal, flags in canonical order. It
// fails with the file's problems when a line cannot be parsed, since
// guessing would hide them; duplicates and other cross-entry problems are
// left for Validate to report.
func Format(r io.Reader, name string) ([]byte, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	// Tidy what can be tidied without guessing: CRLF, a BOM, stray spaces.
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	var lines []string
	for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		cells := strings.Split(line, "\t")
		for i := range cells {
			cells[i] = strings.Join(strings.Fields(cells[i]), " ")
		}
		lines = append(lines, strings.Join(cells, "\t"))
	}
	entries, errs := parseEntries(strings.NewReader(strings.Join(lines, "\n")+"\n"), name, normalize.Default())
	if len(errs) > 0 {
		return nil, errs
	}
	slices.SortStableFunc(entries, func(a, b Entry) int {
		return cmp.Or(strings.Compare(a.Norm, b.Norm), strings.Compare(a.Term, b.Term))
	})
	var out bytes.Buffer
	out.WriteString(Header + "\n")
	for _, e := range entries {
		out.WriteString(e.Term + "\t" + formatWeight(e.Weight) + "\t" + e.Flags.String() + "\t" + e.Note + "\n")
	}
	return out.Bytes(), nil
}

func formatWeight(w float64) string {
	s := strconv.FormatFloat(w, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}
