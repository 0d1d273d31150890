package policy

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"
)

// unknownOutcomeLive is how long a call whose outcome is unknown (Placed
// with no call ID) counts as live. Without an ID nobody can ask whether it
// ended; an hour outlasts nearly every call.
const unknownOutcomeLive = time.Hour

// Ledger counts the calls placed through this server, for the daily and
// concurrent maximums of a [Policy]. It keeps its counts in memory, so a
// restart forgets them, and it is safe for concurrent use.
type Ledger struct {
	policy *Policy
	now    func() time.Time

	mu      sync.Mutex
	day     date                 // the day placed counts, in the policy's Location
	placed  int                  // calls placed on day, outcome unknown included
	pending map[*Ticket]struct{} // reservations whose outcome is not reported yet
	live    []liveCall           // placed calls not known to have ended
	last    map[string]time.Time // when a call request last went to each destination
}

// liveCall is a call placed by this server that is not known to have ended.
type liveCall struct {
	id    string    // the API's call ID; "" when the outcome is unknown
	since time.Time // when it was reported placed
}

// date is a calendar day.
type date struct {
	year  int
	month time.Month
	day   int
}

// Ticket is the slot [Ledger.Reserve] holds for one call request. Its
// outcome is reported once, with Placed or NotPlaced; later reports are
// ignored, so `defer t.NotPlaced()` right after Reserve frees the slot on
// every path that does not reach Placed. Methods on a nil Ticket do nothing.
type Ticket struct {
	ledger      *Ledger
	destination string    // as normalNumber leaves it
	reserved    time.Time // when Reserve granted it
	day         date      // the day the call counts for, in the policy's Location
	done        bool      // whether the outcome is reported; guarded by ledger.mu
}

// NewLedger returns an empty ledger for p, which must not be nil. now is
// the clock; nil means time.Now.
func NewLedger(p *Policy, now func() time.Time) *Ledger {
	if now == nil {
		now = time.Now
	}
	return &Ledger{policy: p, now: now, pending: map[*Ticket]struct{}{}, last: map[string]time.Time{}}
}

// Reserve holds a slot for a call to destination when the daily and the
// concurrent maximums allow one, and returns a [*Refusal] (rule daily_max or
// max_concurrent) when they do not. Checking and holding are one step, so
// concurrent requests never pass a maximum together.
//
// A call counts for the day on which Reserve granted it, days running from
// midnight in the policy's Location. Calls count as live while reserved and,
// once placed, until known to have ended. Only when the concurrent maximum
// is reached does Reserve ask stillLive about each placed call with an ID,
// and then forget the calls it reports ended; an error counts as live, and
// so does everything when stillLive is nil.
func (l *Ledger) Reserve(ctx context.Context, destination string,
	stillLive func(ctx context.Context, callID string) (bool, error)) (*Ticket, error) {
	t, err := l.reserve(destination)
	var r *Refusal
	if !errors.As(err, &r) || r.Rule != RuleConcurrent || stillLive == nil {
		return t, err
	}
	l.forgetEnded(ctx, stillLive)
	return l.reserve(destination)
}

// reserve checks the maximums and holds a slot, in one step.
func (l *Ledger) reserve(destination string) (*Ticket, error) {
	l.mu.Lock()
	defer l.mu.Unlock()

	now := l.now()
	l.advance(now)
	if err := l.checkDaily(now, 1); err != nil {
		return nil, err
	}
	if busy := len(l.pending) + len(l.live); busy >= l.policy.MaxConcurrent {
		return nil, &Refusal{Rule: RuleConcurrent,
			Reason: fmt.Sprintf("%d calls placed by this server are live or being placed, and at most %d "+
				"may be at once", busy, l.policy.MaxConcurrent),
			Fix: fmt.Sprintf("Try again when a call has ended. Only the operator can raise the maximum, "+
				"with %s; the model cannot.", l.policy.where(concurrentSetting))}
	}
	t := &Ticket{ledger: l, destination: normalNumber(destination), reserved: now, day: l.day}
	l.pending[t] = struct{}{}
	return t, nil
}

// advance starts a new count when the day has changed and forgets calls of
// unknown outcome once they have counted as live for unknownOutcomeLive.
func (l *Ledger) advance(now time.Time) {
	if today := dateOf(now.In(l.policy.location())); today != l.day {
		l.day, l.placed = today, 0
	}
	l.live = slices.DeleteFunc(l.live, func(c liveCall) bool {
		return c.id == "" && now.Sub(c.since) >= unknownOutcomeLive
	})
}

// checkDaily returns a refusal when today's calls, placed and reserved,
// with n more would pass the daily maximum.
func (l *Ledger) checkDaily(now time.Time, n int) error {
	p := l.policy
	if p.DailyMax <= 0 {
		return &Refusal{Rule: RuleDailyMax,
			Reason: fmt.Sprintf("outbound calling is switched off: %s is 0", p.origin(dailySetting)),
			Fix: fmt.Sprintf("Only the operator can switch it on, by setting %s above 0; the model cannot.",
				p.where(dailySetting))}
	}
	used := l.placed
	for t := range l.pending {
		if t.day == l.day {
			used++
		}
	}
	if used+n <= p.DailyMax {
		return nil
	}
	midnight := nextMidnight(now.In(p.location())).Format(time.RFC3339)
	reason := fmt.Sprintf("this server has placed or is placing %d calls today, the daily maximum", used)
	if used < p.DailyMax {
		reason = fmt.Sprintf("this server has placed or is placing %d calls today; %d more would pass the "+
			"daily maximum of %d", used, n, p.DailyMax)
	}
	return &Refusal{Rule: RuleDailyMax,
		Reason: reason,
		Fix: fmt.Sprintf("Try again after midnight %s (%s). Only the operator can raise the maximum, "+
			"with %s; the model cannot.", p.location(), midnight, p.where(dailySetting))}
}

// Check reports, without counting them, whether n more calls fit in
// today's maximum: nil, or a [*Refusal] with rule daily_max.
func (l *Ledger) Check(n int) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.advance(now)
	return l.checkDaily(now, n)
}

// Count counts n calls the platform places at this server's request but
// not as calls this server places and follows (a campaign's leads, a lead
// added to a running campaign, a transfer) against the daily maximum: all
// n, or none and a [*Refusal]. The destinations given are remembered for
// LastCallTo. They do not count against the concurrent maximum.
func (l *Ledger) Count(n int, destinations ...string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.advance(now)
	if err := l.checkDaily(now, n); err != nil {
		return err
	}
	l.placed += n
	for _, d := range destinations {
		l.last[normalNumber(d)] = now
	}
	return nil
}

// forgetEnded asks stillLive about each placed call with an ID, without
// holding the lock, and forgets those that have ended.
func (l *Ledger) forgetEnded(ctx context.Context, stillLive func(context.Context, string) (bool, error)) {
	ended := map[string]bool{}
	for _, id := range l.liveIDs() {
		if live, err := stillLive(ctx, id); err == nil && !live {
			ended[id] = true
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.live = slices.DeleteFunc(l.live, func(c liveCall) bool { return ended[c.id] })
}

// liveIDs returns the IDs of the placed calls not known to have ended.
func (l *Ledger) liveIDs() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var ids []string
	for _, c := range l.live {
		if c.id != "" && !slices.Contains(ids, c.id) {
			ids = append(ids, c.id)
		}
	}
	return ids
}

// LastCallTo reports when this server last sent a call request to
// destination that was placed or whose outcome is unknown: the time Reserve
// granted it. Spaces, dashes, dots and parentheses in destination are
// ignored.
func (l *Ledger) LastCallTo(destination string) (time.Time, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	at, ok := l.last[normalNumber(destination)]
	return at, ok
}

// Placed reports that the call was placed, or may have been: callID is the
// API's ID of the call, or "" when the outcome is unknown (a timeout, a lost
// connection). Either way the call counts for its day and for LastCallTo.
// With an ID it counts as live until Reserve learns it has ended; without
// one, for an hour.
func (t *Ticket) Placed(callID string) {
	if t == nil {
		return
	}
	l := t.ledger
	l.mu.Lock()
	defer l.mu.Unlock()
	if !t.report() {
		return
	}
	now := l.now()
	l.advance(now)
	if t.day == l.day {
		l.placed++
	}
	l.live = append(l.live, liveCall{id: callID, since: now})
	l.last[t.destination] = t.reserved
}

// NotPlaced reports that no call was placed, e.g. because the API refused
// the request: the slot is freed and the request does not count.
func (t *Ticket) NotPlaced() {
	if t == nil {
		return
	}
	t.ledger.mu.Lock()
	defer t.ledger.mu.Unlock()
	t.report()
}

// report marks the outcome reported and frees the reservation; false when
// it was reported before. The caller holds the ledger's lock.
func (t *Ticket) report() bool {
	if t.done {
		return false
	}
	t.done = true
	delete(t.ledger.pending, t)
	return true
}

// dateOf returns the calendar day of t in t's location.
func dateOf(t time.Time) date {
	y, m, d := t.Date()
	return date{y, m, d}
}

// nextMidnight returns the start of the day after t's, in t's location.
func nextMidnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, t.Location())
}
