package classify

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"sync"

	"github.com/ghurbal/ghurbal/lexicon"
)

// The default model is trained on corpus/posts.jsonl with
// DefaultTrainConfig by `go generate ./classify`; TestDefaultModelIsFresh
// fails when the embedded file differs from what that command builds.
//
//go:generate go run ../examples/train -in ../corpus/posts.jsonl -arabizi -out default.nb -quiet

//go:embed default.nb
var defaultModel []byte

var defaultClassifier = sync.OnceValue(func() *Classifier {
	m, err := ReadModel(bytes.NewReader(defaultModel))
	if err != nil {
		// The embedded model is checked by the package's tests; reaching
		// this means the binary was built from a broken tree.
		panic("classify: embedded model: " + err.Error())
	}
	c, err := New(m, lexicon.Default())
	if err != nil {
		panic("classify: embedded model: " + err.Error())
	}
	return c
})

// Default returns the classifier of the embedded model and lexicon, loaded
// on first use. It labels posts smuggling, visa, crossing or other.
func Default() *Classifier { return defaultClassifier() }

// DefaultModelBytes returns the embedded model file.
func DefaultModelBytes() []byte { return bytes.Clone(defaultModel) }

// Load returns the classifier for a model file and a lexicon directory,
// each falling back to the embedded default when its name is empty: what
// the example programs' -model and -lexicon flags mean.
func Load(modelFile, lexiconDir string) (*Classifier, error) {
	if modelFile == "" && lexiconDir == "" {
		return Default(), nil
	}
	lex := lexicon.Default()
	if lexiconDir != "" {
		var err error
		if lex, err = lexicon.LoadDir(lexiconDir); err != nil {
			return nil, err
		}
	}
	if modelFile == "" {
		return New(Default().Model(), lex)
	}
	f, err := os.Open(modelFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := ReadModel(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", modelFile, err)
	}
	return New(m, lex)
}
