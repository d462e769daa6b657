package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// fakeClock is the progress line's clock, moved by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func testProgress(delay time.Duration) (*progress, *bytes.Buffer, *fakeClock) {
	var buf bytes.Buffer
	clock := &fakeClock{t: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	return &progress{w: &buf, now: clock.now, delay: delay, every: progressEvery}, &buf, clock
}

func TestProgressQuietWhenNotATerminal(t *testing.T) {
	var buf bytes.Buffer
	require.Nil(t, newProgress(&buf, progressAuto), "a buffer is no terminal")
	require.Nil(t, newProgress(&buf, progressNever))
	require.NotNil(t, newProgress(&buf, progressAlways))

	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	require.NoError(t, err)
	defer f.Close()
	require.Nil(t, newProgress(f, progressAuto), "a file is no terminal")
	r, w, err := os.Pipe()
	require.NoError(t, err)
	defer r.Close()
	defer w.Close()
	require.Nil(t, newProgress(w, progressAuto), "a pipe is no terminal")

	// The check is for a character device, which a terminal is; so is
	// /dev/null, which lets the test see the check say yes.
	if null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0); err == nil {
		defer null.Close()
		p := newProgress(null, progressAuto)
		require.NotNil(t, p)
		require.Equal(t, progressDelay, p.delay, "on a terminal, short work stays silent")
	}

	// A nil progress (the quiet one) takes every call and writes nothing.
	var p *progress
	p.begin("reading", status{total: 10})
	p.update(status{posts: 5, done: 5, total: 10})
	p.tick()
	p.clear()
	p.end()
	p.tickEvery(time.Millisecond)()
}

func TestProgressLine(t *testing.T) {
	for _, tc := range []struct {
		name              string
		st                status
		measured, elapsed time.Duration
		final             bool
		want              string
	}{
		{"reading", status{posts: 500, done: 250, total: 1000}, 2 * time.Second, 2 * time.Second, false,
			"500 posts, 250 posts/s, 25%, ETA 6s"},
		{"ETA counts down between updates", status{posts: 500, done: 250, total: 1000}, 2 * time.Second, 5 * time.Second, false,
			"500 posts, 250 posts/s, 25%, ETA 3s"},
		{"ETA never negative", status{done: 250, total: 1000}, 2 * time.Second, 30 * time.Second, false,
			"25%, ETA 0s"},
		{"unknown total", status{posts: 30, done: 4096}, 3 * time.Second, 3 * time.Second, false,
			"30 posts, 10 posts/s, 3s so far"},
		{"nothing done yet", status{step: "fold 1/5", total: 6}, 0, 1500 * time.Millisecond, false,
			"fold 1/5, 0%, 2s so far"},
		{"fold", status{step: "fold 3/5", posts: 2000, done: 2, total: 6}, 40 * time.Second, 40 * time.Second, false,
			"fold 3/5, 2000 posts, 50 posts/s, 33%, ETA 1m20s"},
		{"long", status{step: "point 2/40", posts: 10, done: 1, total: 40}, 100 * time.Second, 100 * time.Second, false,
			"point 2/40, 10 posts, 0 posts/s, 2%, ETA 1h05m"},
		{"all done, not yet ended", status{posts: 90, done: 10, total: 10}, 3 * time.Second, 3 * time.Second, false,
			"90 posts, 30 posts/s, 100%"},
		{"final", status{posts: 90, done: 10, total: 10}, 3 * time.Second, 3400 * time.Millisecond, true,
			"90 posts, 30 posts/s, 100%, took 3s"},
		{"final, no total", status{}, 0, 125 * time.Second, true,
			"took 2m05s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, tc.st.format(tc.measured, tc.elapsed, tc.final))
		})
	}
}

// draws splits what a progress line wrote into its redraws.
func draws(out string) []string {
	var lines []string
	for _, s := range strings.Split(out, "\r")[1:] {
		nl := strings.HasSuffix(s, "\n")
		s = strings.TrimRight(strings.TrimSuffix(s, "\n"), " ")
		if nl {
			s += "\n"
		}
		lines = append(lines, s)
	}
	return lines
}

func TestProgressThrottle(t *testing.T) {
	p, buf, clock := testProgress(time.Second)
	p.begin("reading x.jsonl", status{total: 1000})
	for range 9 {
		clock.advance(100 * time.Millisecond)
		p.update(status{posts: 10, done: 10, total: 1000})
	}
	require.Empty(t, buf.String(), "nothing before the delay")

	clock.advance(100 * time.Millisecond) // 1s
	p.update(status{posts: 100, done: 100, total: 1000})
	require.Equal(t, []string{"reading x.jsonl: 100 posts, 100 posts/s, 10%, ETA 9s"}, draws(buf.String()))

	for range 2 { // 1.1s, 1.2s: too soon
		clock.advance(100 * time.Millisecond)
		p.update(status{posts: 200, done: 200, total: 1000})
	}
	require.Len(t, draws(buf.String()), 1)
	clock.advance(50 * time.Millisecond) // 1.25s
	p.update(status{posts: 250, done: 250, total: 1000})
	require.Len(t, draws(buf.String()), 2)
	require.Equal(t, "reading x.jsonl: 250 posts, 200 posts/s, 25%, ETA 4s", draws(buf.String())[1])

	// A tick redraws once due, so the ETA counts down between updates...
	clock.advance(100 * time.Millisecond)
	p.tick()
	require.Len(t, draws(buf.String()), 2)
	clock.advance(900 * time.Millisecond)
	p.tick()
	require.Equal(t, "reading x.jsonl: 250 posts, 200 posts/s, 25%, ETA 3s", draws(buf.String())[2])
	// ...but a line with nothing new is not written again (ETA 2.5s
	// rounds to 3s).
	clock.advance(250 * time.Millisecond)
	p.tick()
	require.Len(t, draws(buf.String()), 3)

	// After clear (so the caller can write a line), the next update draws
	// at once.
	p.clear()
	require.True(t, strings.HasSuffix(buf.String(), "\r"+strings.Repeat(" ", len("reading x.jsonl: 250 posts, 200 posts/s, 25%, ETA 3s"))+"\r"))
	buf.Reset()
	clock.advance(10 * time.Millisecond)
	p.update(status{posts: 260, done: 260, total: 1000})
	require.Len(t, draws(buf.String()), 1)
	require.NotContains(t, buf.String(), "\n")
}

func TestProgressEnd(t *testing.T) {
	t.Run("short work prints nothing", func(t *testing.T) {
		p, buf, clock := testProgress(time.Second)
		p.begin("reading x.jsonl", status{total: 100})
		clock.advance(900 * time.Millisecond)
		p.update(status{posts: 5, done: 100, total: 100})
		p.end()
		require.Empty(t, buf.String())
	})
	t.Run("a drawn line ends with its final state and a newline", func(t *testing.T) {
		p, buf, clock := testProgress(time.Second)
		p.begin("training", status{step: "fold 1/5", total: 6})
		clock.advance(1500 * time.Millisecond)
		p.tick()
		require.Equal(t, "\rtraining: fold 1/5, 0%, 2s so far", buf.String())
		clock.advance(1500 * time.Millisecond)
		p.update(status{posts: 30, done: 6, total: 6})
		clock.advance(200 * time.Millisecond)
		p.end()
		out := buf.String()
		require.True(t, strings.HasSuffix(out, "\n"), "%q", out)
		require.Equal(t, 1, strings.Count(out, "\n"))
		last := out[strings.LastIndex(out, "\r")+1:]
		require.Equal(t, "training: 30 posts, 10 posts/s, 100%, took 3s\n", last)
		p.end() // a second end writes nothing more
		require.Equal(t, out, buf.String())
	})
	t.Run("a shorter line blanks the rest of the longer one", func(t *testing.T) {
		p, buf, clock := testProgress(0)
		p.begin("x", status{posts: 123456, done: 1, total: 3})
		long := draws(buf.String())[0]
		clock.advance(time.Second)
		p.update(status{})
		p.end()
		segments := strings.Split(buf.String(), "\r")
		require.Equal(t, []string{"", long, "x: 1s so far" + strings.Repeat(" ", len(long)-len("x: 1s so far")), "x: took 1s  \n"}, segments)
	})
	t.Run("begin ends the phase before", func(t *testing.T) {
		p, buf, clock := testProgress(0)
		p.begin("reading a", status{})
		clock.advance(time.Second)
		p.begin("reading b", status{})
		require.Equal(t, []string{"reading a: 0s so far", "reading a: took 1s\n", "reading b: 0s so far"}, draws(buf.String()))
	})
}

// The ticker and the work share the line without a race (go test -race).
func TestProgressTicker(t *testing.T) {
	var buf bytes.Buffer // written only under the progress's lock
	p := newProgress(&buf, progressAlways)
	stop := p.tickEvery(time.Millisecond)
	p.begin("work", status{total: 1000})
	for i := range 1000 {
		p.update(status{posts: i, done: int64(i), total: 1000})
		if i%100 == 0 {
			time.Sleep(2 * time.Millisecond)
		}
	}
	p.end()
	stop()
	require.True(t, strings.HasSuffix(buf.String(), "\n"))
}
