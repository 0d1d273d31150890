package policy

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Window is a span of wall-clock time that recurs every day, such as quiet
// hours. It runs from Start up to, not including, End; when End is before
// Start it runs past midnight. Start and End never are equal.
type Window struct {
	Start int // minutes after midnight, 0 to 1439
	End   int // minutes after midnight, 0 to 1439
}

// Contains reports whether the wall-clock time of t, in t's own location,
// lies in the window. Reading the wall clock keeps the window at the same
// local hours on days when daylight saving time starts or ends.
func (w *Window) Contains(t time.Time) bool {
	m := t.Hour()*60 + t.Minute()
	if w.Start < w.End {
		return m >= w.Start && m < w.End
	}
	return m >= w.Start || m < w.End
}

// String returns the window as the operator writes it, e.g. "21:00-08:00".
func (w *Window) String() string {
	return clock(w.Start) + "-" + clock(w.End)
}

// clock formats minutes after midnight as HH:MM.
func clock(minutes int) string {
	return fmt.Sprintf("%02d:%02d", minutes/60, minutes%60)
}

// parseWindow reads "HH:MM-HH:MM", e.g. "21:00-08:00"; spaces around the
// times are ignored.
func parseWindow(s string) (*Window, error) {
	from, to, ok := strings.Cut(s, "-")
	if !ok {
		return nil, fmt.Errorf("%q is not a time span; write HH:MM-HH:MM, e.g. 21:00-08:00", s)
	}
	start, err := parseClock(from)
	if err != nil {
		return nil, err
	}
	end, err := parseClock(to)
	if err != nil {
		return nil, err
	}
	if start == end {
		return nil, fmt.Errorf("%q starts and ends at the same time; write HH:MM-HH:MM with two "+
			"different times, e.g. 21:00-08:00", s)
	}
	return &Window{Start: start, End: end}, nil
}

// parseClock reads a wall-clock time "HH:MM" (or "H:MM") as minutes after
// midnight.
func parseClock(s string) (int, error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("%q is not a time of day; write HH:MM from 00:00 to 23:59", s)
	hh, mm, ok := strings.Cut(s, ":")
	if !ok || len(hh) > 2 || len(mm) != 2 || !allDigits(hh) || !allDigits(mm) {
		return 0, bad
	}
	h, _ := strconv.Atoi(hh) // one or two digits, checked above
	m, _ := strconv.Atoi(mm)
	if h > 23 || m > 59 {
		return 0, bad
	}
	return h*60 + m, nil
}
