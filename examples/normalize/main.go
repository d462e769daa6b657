// Command normalize prints, for each line of its input, the normalized text
// and its tokens with their kinds and offsets into the original line.
//
//	go run ./examples/normalize < examples/normalize/sample.txt
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/ghurbal/ghurbal/normalize"
)

func main() {
	if err := run(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "normalize:", err)
		os.Exit(1)
	}
}

func run(in io.Reader, out io.Writer) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	w := bufio.NewWriter(out)
	defer w.Flush()
	var txt normalize.Text
	n := normalize.Default()
	for sc.Scan() {
		line := sc.Text()
		n.Text(&txt, line)
		fmt.Fprintf(w, "%s\n", txt.Normalized())
		for tok := range txt.Tokens() {
			fmt.Fprintf(w, "\t%-8s %-20q [%d:%d] %q\n", tok.Kind, tok.Text, tok.Start, tok.End, line[tok.Start:tok.End])
		}
	}
	return sc.Err()
}
