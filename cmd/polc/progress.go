package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/polc-dev/polc/population"
)

// progressEvery is how often the progress bar is redrawn.
const progressEvery = 200 * time.Millisecond

// progress draws a bar on stderr while a population is read — the share
// of the claims file read, claims settled a second and the time left at
// that rate — when stderr is a terminal; otherwise (a pipe, a file, the
// tests) it prints nothing. The returned stop clears the bar.
func (c *cli) progress(claims *os.File, rd *population.Reader) (stop func()) {
	if !isTerminal(c.stderr) {
		return func() {}
	}
	var size int64
	if st, err := claims.Stat(); err == nil {
		size = st.Size()
	}
	quit, done := make(chan struct{}), make(chan struct{})
	start := time.Now()
	go func() {
		defer close(done)
		t := time.NewTicker(progressEvery)
		defer t.Stop()
		for {
			select {
			case <-quit:
				fmt.Fprint(c.stderr, "\r\x1b[K")
				return
			case <-t.C:
				fmt.Fprint(c.stderr, "\r"+progressLine(rd.ClaimsBytes(), size, rd.ClaimsRead(), time.Since(start))+"\x1b[K")
			}
		}
	}()
	return func() {
		close(quit)
		<-done
	}
}

// progressLine is one drawing of the bar: "[#####.....]  48%  1.2M claims/s  ETA 0:07".
func progressLine(read, size, claims int64, elapsed time.Duration) string {
	const width = 30
	frac := 0.0
	if size > 0 {
		frac = min(1, float64(read)/float64(size))
	}
	filled := int(frac * width)
	line := fmt.Sprintf("[%s%s] %3.0f%%  %s claims/s", strings.Repeat("#", filled), strings.Repeat(".", width-filled), 100*frac, rate(float64(claims)/elapsed.Seconds()))
	if frac > 0 && frac < 1 {
		left := time.Duration(float64(elapsed) * (1 - frac) / frac).Round(time.Second)
		line += fmt.Sprintf("  ETA %d:%02d", int(left.Minutes()), int(left.Seconds())%60)
	}
	return line
}

func rate(r float64) string {
	switch {
	case r >= 1e6:
		return fmt.Sprintf("%.2fM", r/1e6)
	case r >= 1e3:
		return fmt.Sprintf("%.1fk", r/1e3)
	}
	return fmt.Sprintf("%.0f", r)
}

// isTerminal reports whether w is a terminal (a character device), the
// check golang.org/x/term would make, without a dependency for it.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
