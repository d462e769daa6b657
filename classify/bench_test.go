package classify

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// BenchmarkClassify measures ClassifyInto with a reused Result on corpus
// posts and on ASTD tweets (when ../shared is present), and reports the
// default classifier's macro-F1 on the holdout beside the speed.
func BenchmarkClassify(b *testing.B) {
	c := Default()
	holdout := readExamples(b, "../corpus/holdout.jsonl")
	rep, err := Evaluate(c, holdout)
	if err != nil {
		b.Fatal(err)
	}
	sets := map[string][]Example{"Corpus": readExamples(b, "../corpus/posts.jsonl")}
	if tweets := readOptional("../../shared/datasets/astd/astd.jsonl"); len(tweets) > 0 {
		sets["Tweets"] = tweets
	}
	for _, name := range []string{"Corpus", "Tweets"} {
		posts := sets[name]
		if len(posts) == 0 {
			continue
		}
		n := 0
		for _, p := range posts {
			n += len(p.Text)
		}
		b.Run(name, func(b *testing.B) {
			var r Result
			for _, p := range posts { // grow r's buffers: the loop measures the steady state
				c.ClassifyInto(&r, p.Text)
			}
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				for _, p := range posts {
					c.ClassifyInto(&r, p.Text)
				}
			}
			b.ReportMetric(float64(len(posts))*float64(b.N)/b.Elapsed().Seconds(), "posts/s")
			b.ReportMetric(rep.MacroF1, "macroF1")
		})
	}
}

// BenchmarkSize shows how time grows with the size of one post, from 1 KB
// to 10 MB: MB/s stays flat when it is linear.
func BenchmarkSize(b *testing.B) {
	c := Default()
	unit := "عدنا طريق مضمون لالمانيا واتساب +375290001234 السعر 3500$ م ه ر ب fiza "
	for _, size := range []int{1 << 10, 1 << 14, 1 << 17, 1 << 20, 10 << 20} {
		text := strings.Repeat(unit, size/len(unit)+1)[:size]
		for !utf8Valid(text) {
			text = text[:len(text)-1]
		}
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			var r Result
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				c.ClassifyInto(&r, text)
			}
		})
	}
}

func readOptional(name string) []Example {
	out, err := loadExamples(name)
	if err != nil {
		return nil
	}
	return out
}

func utf8Valid(s string) bool { return utf8.ValidString(s) }

// BenchmarkLoad measures loading the embedded model (ReadModel: checksum,
// header checks, the log-likelihood table) and building a Classifier on
// the already-loaded default lexicon, and reports the model file's size and
// the heap the loaded model holds.
func BenchmarkLoad(b *testing.B) {
	data := DefaultModelBytes()
	lex := Default().Lexicon()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		m, err := ReadModel(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := New(m, lex); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(data)), "file-bytes")
}
