package client

import (
	"context"
	"math"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// RateLimit is the request budget the API reported in the X-RateLimit-*
// headers of one response. Zero values mean the header was absent.
type RateLimit struct {
	Limit     int       `json:"limit,omitempty"` // requests allowed per window
	Remaining int       `json:"remaining"`       // requests left in the window
	Reset     time.Time `json:"reset,omitzero"`  // when the window resets
	Known     bool      `json:"-"`               // whether any header was present
}

// maxRetryAfter caps a server-requested wait. Anything longer is treated as
// this long, which is far beyond any call budget, so the call fails at once
// with a retry time instead of sleeping.
const maxRetryAfter = 24 * time.Hour

// parseRateLimit reads the X-RateLimit-* headers as of now.
func parseRateLimit(h http.Header, now time.Time) RateLimit {
	var rl RateLimit
	if n, err := strconv.Atoi(strings.TrimSpace(h.Get("X-RateLimit-Limit"))); err == nil && n >= 0 {
		rl.Limit, rl.Known = n, true
	}
	if n, err := strconv.Atoi(strings.TrimSpace(h.Get("X-RateLimit-Remaining"))); err == nil && n >= 0 {
		rl.Remaining, rl.Known = n, true
	}
	if reset, ok := parseReset(h.Get("X-RateLimit-Reset"), now); ok {
		rl.Reset, rl.Known = reset, true
	}
	return rl
}

// parseReset reads X-RateLimit-Reset. The API documents Unix seconds;
// values too small to be a recent Unix time are taken as seconds from now,
// and values too large as Unix milliseconds, as other APIs send them.
func parseReset(value string, now time.Time) (time.Time, bool) {
	n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
	switch {
	case err != nil || n < 0:
		return time.Time{}, false
	case n < 1_000_000_000: // before 2001: a delay, not a date
		return now.Add(min(time.Duration(n)*time.Second, maxRetryAfter)), true
	case n > 100_000_000_000: // after year 5000: milliseconds
		return capReset(time.UnixMilli(n), now), true
	}
	return capReset(time.Unix(n, 0), now), true
}

// capReset keeps a reported reset within maxRetryAfter of now, like any
// server-requested wait: a date centuries ahead would otherwise overflow
// the durations computed from it.
func capReset(reset, now time.Time) time.Time {
	if reset.After(now.Add(maxRetryAfter)) {
		return now.Add(maxRetryAfter)
	}
	return reset
}

// parseRetryAfter reads Retry-After as delay-seconds or as an HTTP date. It
// returns false when the header is absent or unreadable; a huge value is
// capped at maxRetryAfter.
func parseRetryAfter(value string, now time.Time) (time.Duration, bool) {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0, false
	}
	if secs, err := strconv.ParseFloat(value, 64); err == nil {
		if secs < 0 || math.IsNaN(secs) {
			return 0, false
		}
		return secondsDuration(secs), true
	}
	when, err := http.ParseTime(value)
	if err != nil {
		return 0, false
	}
	return min(max(when.Sub(now), 0), maxRetryAfter), true
}

// secondsDuration converts seconds to a duration, capped at maxRetryAfter.
func secondsDuration(secs float64) time.Duration {
	if secs >= maxRetryAfter.Seconds() {
		return maxRetryAfter
	}
	return time.Duration(secs * float64(time.Second))
}

// serverWait is how long the server asked a client to wait after resp:
// Retry-After, else the time until X-RateLimit-Reset. ok is false when
// neither says. (A retry_after field in the body is read into
// APIError.RetryAfter for the error text; retries go by the headers, which
// the API documents, or back off.)
func serverWait(h http.Header, now time.Time) (time.Duration, bool) {
	if d, ok := parseRetryAfter(h.Get("Retry-After"), now); ok {
		return d, true
	}
	if rl := parseRateLimit(h, now); !rl.Reset.IsZero() && rl.Reset.After(now) {
		return min(rl.Reset.Sub(now), maxRetryAfter), true
	}
	return 0, false
}

// jitter returns a random duration in [0, d), so that clients sharing a key
// do not retry in step.
func jitter(d time.Duration) time.Duration {
	if d <= 0 {
		return 0
	}
	return rand.N(d)
}

// retryJitter spreads retries after a server-requested wait.
const retryJitter = time.Second

// pacer keeps one key's requests inside the documented limit. A token bucket
// spreads requests so that no interval of one window holds more than the
// limit, and the server's own X-RateLimit-* headers hold requests back when
// the window is spent, for example because another process shares the key.
type pacer struct {
	bucket *rate.Limiter
	limit  int

	mu     sync.Mutex
	window RateLimit // latest window state seen, counted down locally
}

// newPacer paces to limit requests per window. The bucket holds a tenth of
// the limit as burst and refills at 80% of the limit per window, so that any
// interval of one window length admits at most 90% of the limit: the rest is
// headroom for requests that leave late and land in the next window.
func newPacer(limit int, window time.Duration) *pacer {
	burst := max(1, limit/10)
	perSecond := float64(max(1, limit-2*burst)) / window.Seconds()
	return &pacer{bucket: rate.NewLimiter(rate.Limit(perSecond), burst), limit: limit}
}

// wait blocks until a request may be sent, and counts it against the
// window the API last reported. It fails at once with a *RateLimitError,
// without sleeping, when the request could not leave with at least reserve
// of ctx's deadline still left for it, and with ctx's error when ctx ends
// first.
func (p *pacer) wait(ctx context.Context, reserve time.Duration) error {
	for {
		if d := p.windowWait(time.Now()); d > 0 {
			if err := sleepWithin(ctx, d+jitter(retryJitter), d, reserve, p.limit); err != nil {
				return err
			}
			continue // the window has reset, unless another request spent it first
		}

		// The reservation is made now, not before any window wait above, so
		// that time spent held back does not count as bucket refill.
		now := time.Now()
		reservation := p.bucket.ReserveN(now, 1)
		if d := reservation.DelayFrom(now); d > 0 {
			if err := sleepWithin(ctx, d, d, reserve, p.limit); err != nil {
				reservation.CancelAt(now)
				return err
			}
		}
		if p.take(time.Now()) {
			return nil
		}
		// The window was spent while this request waited in the bucket.
	}
}

// windowWait returns how long until the window the API reported resets,
// if that window is spent, and zero otherwise.
func (p *pacer) windowWait(now time.Time) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()

	if !p.window.current(now) || p.window.Remaining > 0 {
		return 0
	}
	return p.window.Reset.Sub(now)
}

// take counts a request about to be sent against the reported window. It
// returns false, counting nothing, when that window is spent.
func (p *pacer) take(now time.Time) bool {
	p.mu.Lock()
	defer p.mu.Unlock()

	w := &p.window
	if !w.current(now) {
		return true
	}
	if w.Remaining <= 0 {
		return false
	}
	w.Remaining--
	return true
}

// current reports whether rl describes a window that has not yet reset.
func (rl RateLimit) current(now time.Time) bool {
	return rl.Known && !rl.Reset.IsZero() && now.Before(rl.Reset)
}

// observe records the window state reported by a response.
func (p *pacer) observe(rl RateLimit) {
	if !rl.Known || rl.Reset.IsZero() {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()

	switch {
	case rl.Reset.After(p.window.Reset):
		p.window = rl
	case rl.Reset.Equal(p.window.Reset):
		p.window.Remaining = min(p.window.Remaining, rl.Remaining)
	}
}

// sleepWithin sleeps for d unless ctx ends first. If ctx's deadline would
// leave less than reserve once need has passed, it returns a
// *RateLimitError at once instead, saying to retry after need.
func sleepWithin(ctx context.Context, d, need, reserve time.Duration, limit int) error {
	need, d = min(need, maxRetryAfter), min(d, maxRetryAfter) // no overflow in the sums below
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < need+reserve {
		return &RateLimitError{RetryAfter: need, Limit: limit}
	}
	if deadline, ok := ctx.Deadline(); ok {
		d = min(d, time.Until(deadline)-reserve) // jitter must not eat the reserve
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
