package client

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"sync"
	"time"
)

// Documented limit on live-call commands: ControlLimit per ControlWindow
// for each call, on top of the key's request limit.
const (
	ControlLimit  = 10
	ControlWindow = time.Minute
)

// ControlCall sends one command (a JSON object with its "type") to a call
// in progress with POST /calls/{id}/control. Commands are paced so that no
// call gets more than ControlLimit in any ControlWindow: a command that
// would exceed it waits while the call's budget allows, and otherwise
// fails with a *RateLimitError (PerCall set) without being sent. Commands
// are never resent after a failure, since each one speaks or acts. A
// command counts once the API has taken it; one that never left, or that
// the API refused with a 4xx (say, the call was not in progress yet), does
// not. The API does not document how it counts refused commands; the
// sandbox counts them the same way.
func (c *Client) ControlCall(ctx context.Context, callID string, command map[string]any) (json.RawMessage, Response, error) {
	ctx, cancel := context.WithTimeout(ctx, c.budget)
	defer cancel()
	var slot time.Time
	for {
		now := time.Now()
		wait := c.control.reserve(callID, now)
		if wait == 0 {
			slot = now
			break
		}
		if err := sleepWithin(ctx, wait, wait, c.requestTimeout/2, ControlLimit); err != nil {
			if rl, ok := err.(*RateLimitError); ok {
				rl.PerCall = true
			}
			return nil, Response{}, err
		}
	}
	body, resp, err := c.Send(ctx, Request{Method: http.MethodPost, Path: "/calls/{id}/control",
		PathParams: map[string]string{"id": callID}, Body: command, Once: true})
	if notSent(err) || refused(err) {
		c.control.release(callID, slot) // a command that did nothing does not count
	}
	var rl *RateLimitError
	if errors.As(err, &rl) && rl.API != nil && rl.API.RateLimit.Known && rl.API.RateLimit.Remaining > 0 {
		// A 429 while the key still has requests left is the call's limit.
		rl.PerCall, rl.Limit = true, ControlLimit
	}
	return body, resp, err
}

// notSent reports whether err proves a request never left this process.
func notSent(err error) bool {
	var (
		rl    *RateLimitError
		net   *NetworkError
		creds *CredentialsError
		dry   *DryRunError
	)
	switch {
	case errors.As(err, &rl):
		return rl.API == nil
	case errors.As(err, &net):
		return !net.MaybeSent
	}
	return errors.As(err, &creds) || errors.As(err, &dry) || errors.Is(err, ErrInvalidID)
}

// refused reports whether the API answered err with a refusal that did
// nothing: a 4xx other than 429 (call not in progress, unknown call, bad
// command).
func refused(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.Status >= 400 && apiErr.Status < 500 &&
		apiErr.Status != http.StatusTooManyRequests
}

// controlPacer remembers when commands were sent to each call.
type controlPacer struct {
	mu   sync.Mutex
	sent map[string][]time.Time // by call ID, oldest first, within ControlWindow
}

// reserve takes a slot for a command to callID at now and returns 0, or
// returns how long to wait until a slot frees. Calls with no command in
// the last window are forgotten, so the map stays small.
func (p *controlPacer) reserve(callID string, now time.Time) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.sent == nil {
		p.sent = map[string][]time.Time{}
	}
	for id, times := range p.sent {
		for len(times) > 0 && !now.Before(times[0].Add(ControlWindow)) {
			times = times[1:]
		}
		if len(times) == 0 {
			delete(p.sent, id)
		} else {
			p.sent[id] = times
		}
	}
	times := p.sent[callID]
	if len(times) < ControlLimit {
		p.sent[callID] = append(times, now)
		return 0
	}
	return times[0].Add(ControlWindow).Sub(now)
}

// release gives back the slot reserve took for callID at slot.
func (p *controlPacer) release(callID string, slot time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	times := p.sent[callID]
	if i := slices.IndexFunc(times, slot.Equal); i >= 0 {
		p.sent[callID] = slices.Delete(times, i, i+1)
	}
}
