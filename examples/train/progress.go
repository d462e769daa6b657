package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Progress modes, the values of -progress.
const (
	progressAuto   = "auto"   // on a terminal, for work that lasts longer than progressDelay
	progressAlways = "always" // whatever stderr is, from the start
	progressNever  = "never"
)

const (
	// progressDelay keeps runs that end sooner silent: a phase draws
	// nothing before it has lasted this long.
	progressDelay = time.Second
	// progressEvery is the least time between two redraws of the line.
	progressEvery = 250 * time.Millisecond
)

// newProgress returns the progress line for mode on w, or nil (which draws
// nothing) when mode is never, or auto and w is not a terminal.
func newProgress(w io.Writer, mode string) *progress {
	p := &progress{w: w, now: time.Now, every: progressEvery}
	switch mode {
	case progressAlways:
	case progressAuto:
		if !isTerminal(w) {
			return nil
		}
		p.delay = progressDelay
	default:
		return nil
	}
	return p
}

// isTerminal reports whether w is a character device, as a terminal is;
// pipes and files are not.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// status is how far a phase has come.
type status struct {
	// step says where the work is, e.g. "fold 2/5"; it may be empty.
	step string
	// posts handled so far; shown with their rate when not 0.
	posts int
	// done of total units of work (bytes, folds, grid points); a total
	// gives a percentage and an estimate of the time left.
	done, total int64
}

// progress draws one status line of long work, e.g.
//
//	reading big.jsonl: 120000 posts, 41000 posts/s, 45%, ETA 4s
//
// redrawing it in place with \r at most every p.every, and nothing before
// a phase has lasted p.delay, so that short runs stay silent. end closes
// the line with its final state and a newline, so what is written next
// starts on a fresh line. A nil *progress draws nothing. Its methods are
// safe for concurrent use (a ticker redraws while the work updates).
type progress struct {
	w     io.Writer
	now   func() time.Time
	delay time.Duration
	every time.Duration

	mu      sync.Mutex
	phase   string    // "" between phases
	start   time.Time // when the phase began
	changed time.Time // when st last changed: rate and ETA are measured to then
	st      status
	drawn   bool      // something was drawn in this phase
	last    time.Time // when the line was last drawn
	line    string    // the line drawn last
	width   int       // runes in line; 0 when it was cleared
}

// begin starts a phase (ending the one before) with the given status.
func (p *progress) begin(phase string, st status) {
	if p == nil {
		return
	}
	p.end()
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	p.phase, p.start, p.changed, p.st = phase, now, now, st
	p.drawn, p.line, p.width = false, "", 0
	p.drawIfDue(now)
}

// update records how far the phase has come and redraws the line if it is
// due.
func (p *progress) update(st status) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.phase == "" {
		return
	}
	now := p.now()
	p.st, p.changed = st, now
	p.drawIfDue(now)
}

// tick redraws the line if it is due, so that the ETA counts down and a
// delayed line appears while the work is between updates.
func (p *progress) tick() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.phase != "" {
		p.drawIfDue(p.now())
	}
}

// clear blanks the line so the caller can write a line of its own (on a
// terminal that shows stdout too); the next update or tick redraws it.
func (p *progress) clear() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.width > 0 {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
		p.width = 0
	}
}

// end closes the phase: when its line was drawn, it is drawn once more
// with the final status and ended with a newline; otherwise nothing is
// written.
func (p *progress) end() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.phase == "" {
		return
	}
	if p.drawn {
		p.draw(p.now(), true)
		fmt.Fprintln(p.w)
	}
	p.phase = ""
}

// tickEvery calls tick every d until stop is called.
func (p *progress) tickEvery(d time.Duration) (stop func()) {
	if p == nil {
		return func() {}
	}
	t := time.NewTicker(d)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			select {
			case <-t.C:
				p.tick()
			case <-done:
				return
			}
		}
	})
	return func() {
		t.Stop()
		close(done)
		wg.Wait()
	}
}

func (p *progress) drawIfDue(now time.Time) {
	if now.Sub(p.start) < p.delay {
		return
	}
	if p.width > 0 && now.Sub(p.last) < p.every {
		return
	}
	p.draw(now, false)
}

func (p *progress) draw(now time.Time, final bool) {
	line := p.phase + ": " + p.st.format(p.changed.Sub(p.start), now.Sub(p.start), final)
	if line == p.line && p.width > 0 && !final {
		return // nothing new to show
	}
	n := utf8.RuneCountInString(line)
	pad := ""
	if n < p.width {
		pad = strings.Repeat(" ", p.width-n)
	}
	fmt.Fprintf(p.w, "\r%s%s", line, pad)
	p.drawn, p.last, p.line, p.width = true, now, line, n
}

// format says how far the work has come: at measured, st was current;
// elapsed is the time since the phase began; final says the phase is
// over. The rate and the projected end are measured at the last change,
// so between changes the ETA counts down with the clock.
func (st status) format(measured, elapsed time.Duration, final bool) string {
	var parts []string
	if st.step != "" {
		parts = append(parts, st.step)
	}
	if st.posts > 0 {
		parts = append(parts, fmt.Sprintf("%d posts", st.posts))
		if measured > 0 {
			parts = append(parts, fmt.Sprintf("%.0f posts/s", float64(st.posts)/measured.Seconds()))
		}
	}
	if st.total > 0 {
		parts = append(parts, fmt.Sprintf("%d%%", 100*min(st.done, st.total)/st.total))
	}
	switch {
	case final:
		parts = append(parts, "took "+roundDuration(elapsed))
	case st.total > 0 && st.done >= st.total:
		// done: the final line will say how long it took
	case st.total > 0 && st.done > 0 && measured > 0:
		projected := time.Duration(float64(measured) * float64(st.total) / float64(st.done))
		parts = append(parts, "ETA "+roundDuration(max(projected-elapsed, 0)))
	default:
		parts = append(parts, roundDuration(elapsed)+" so far")
	}
	return strings.Join(parts, ", ")
}

// roundDuration writes d to the second: 7s, 2m05s, 1h02m.
func roundDuration(d time.Duration) string {
	s := int64(d.Round(time.Second) / time.Second)
	switch {
	case s < 60:
		return fmt.Sprintf("%ds", s)
	case s < 3600:
		return fmt.Sprintf("%dm%02ds", s/60, s%60)
	default:
		return fmt.Sprintf("%dh%02dm", s/3600, s%3600/60)
	}
}
