package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// pacedTransport is the http.RoundTripper under retryablehttp: every
// attempt, first or retry, passes the pacer, gets its own timeout, is
// counted and logged, and feeds the response's rate-limit headers back to
// the pacer.
type pacedTransport struct {
	next    http.RoundTripper
	client  *Client
	timeout time.Duration
}

func (t *pacedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	state := stateOf(req.Context())
	if err := t.client.pacer.wait(req.Context(), state.minAttempt); err != nil {
		return nil, err
	}
	attempt := state.attempts.Add(1)

	ctx, cancel := context.WithTimeout(req.Context(), t.timeout)
	start := time.Now()
	resp, err := t.next.RoundTrip(req.WithContext(ctx))
	if err != nil {
		cancel()
		if errors.Is(err, context.DeadlineExceeded) && req.Context().Err() == nil {
			err = fmt.Errorf("no answer within %s: %w", t.timeout, err)
		}
		state.logger.Debug("api attempt", "method", state.method, "path", maskNumbers(state.path),
			"attempt", attempt, "error", maskNumbers(t.client.redactErr(sanitize(err)).Error()),
			"duration", time.Since(start))
		return nil, err
	}

	resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	t.client.pacer.observe(parseRateLimit(resp.Header, time.Now()))
	state.logger.Debug("api attempt", "method", state.method, "path", maskNumbers(state.path),
		"attempt", attempt, "status", resp.StatusCode, "duration", time.Since(start))
	return resp, nil
}

// cancelOnClose ends an attempt's timeout context once its body is closed,
// so the body can still be read after RoundTrip returns.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelOnClose) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

// checkRetry decides whether retryablehttp sends another attempt. It only
// retries what is safe to repeat, and only when the wait before the retry,
// plus half an attempt's timeout for the attempt itself, fits in what is
// left of the call's budget; otherwise the last answer or error stands and
// the caller reports it.
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	state := stateOf(ctx)
	attempt := int(state.attempts.Load())
	if state.once {
		return false, err
	}

	if err != nil {
		var rl *RateLimitError
		switch {
		case errors.As(err, &rl):
			return false, err
		case !state.idempotent && !neverSent(err):
			// A POST or PATCH may have reached the API: never send it twice.
			return false, err
		}
		return state.fits(ctx, maxBackoff(attempt)), err
	}

	// The API did not act on a 429, so any method may be retried; a 5xx
	// only when repeating the request is harmless.
	retryable := resp.StatusCode == http.StatusTooManyRequests ||
		resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented && state.idempotent
	if !retryable {
		return false, nil
	}
	if wait, ok := serverWait(resp.Header, time.Now()); ok {
		return state.fits(ctx, wait+retryJitter), nil
	}
	return state.fits(ctx, maxBackoff(attempt)), nil
}

// backoff is the wait before retry number attempt+1: the server's
// Retry-After (or window reset) plus jitter, never less than what the server
// asked, else exponential 1 s, 2 s, 4 s, capped at 8 s, with jitter.
func backoff(lo, hi time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		if wait, ok := serverWait(resp.Header, time.Now()); ok {
			return wait + jitter(retryJitter)
		}
	}
	base := baseBackoff(lo, hi, attempt)
	return base + jitter(base/2)
}

func baseBackoff(lo, hi time.Duration, attempt int) time.Duration {
	return min(lo<<min(attempt, 16), hi)
}

// maxBackoff bounds backoff's exponential wait for the retry after the
// given number of attempts.
func maxBackoff(attempts int) time.Duration {
	base := baseBackoff(time.Second, 8*time.Second, max(attempts-1, 0))
	return base + base/2
}

// fits reports whether, after waiting d, the call's budget still holds the
// least time worth giving another attempt.
func (s *callState) fits(ctx context.Context, d time.Duration) bool {
	deadline, ok := ctx.Deadline()
	return !ok || time.Until(deadline) > d+s.minAttempt
}

// passthroughError hands the last answer or error back from retryablehttp
// unchanged, so that Client.do reports it; the default handler would wrap it
// in text naming the full URL.
func passthroughError(resp *http.Response, err error, _ int) (*http.Response, error) {
	if err != nil {
		if resp != nil {
			resp.Body.Close()
		}
		return nil, err
	}
	return resp, nil
}
